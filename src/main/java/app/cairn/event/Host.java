package app.cairn.event;

/** Someone who hosts a conversation, often a guest: "Dr Jane Smith, Director of Nursing, NHS Tayside". */
public record Host(String name, String role, String organisation) {
    /** "Dr Jane Smith, Director of Nursing, NHS Tayside", leaving out what is blank. */
    public String line() {
        StringBuilder b = new StringBuilder(name);
        if (!role.isBlank()) b.append(", ").append(role);
        if (!organisation.isBlank()) b.append(", ").append(organisation);
        return b.toString();
    }
}
