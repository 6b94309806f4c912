package app.cairn.live;

import jakarta.servlet.http.HttpServletRequest;

/** Decides whether a request may watch an event as staff or presenter (a signed-in facilitator or above). */
public interface StaffGate {
    boolean allowed(HttpServletRequest request, long eventId);
}
