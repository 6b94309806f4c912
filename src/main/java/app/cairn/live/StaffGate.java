package app.cairn.live;

import java.util.Map;

/** Decides whether a request (by its cookies) may watch an event as staff or presenter. */
@FunctionalInterface
public interface StaffGate {
    boolean allowed(Map<String, String> cookies, long eventId);
}
