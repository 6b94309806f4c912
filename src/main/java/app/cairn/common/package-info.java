/** The few types every feature shares: the errors a service can answer with. */
package app.cairn.common;
