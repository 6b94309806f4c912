package app.cairn.synthesis;

/**
 * One contribution to synthesise: what someone said in a stream (a segment's chat, a breakout
 * prompt's notes, a reflection prompt...). Callers pass only what may be read: never hidden or
 * withdrawn contributions, nor direct messages.
 *
 * @param id        the contribution's id, returned in themes and reasons
 * @param personKey who said it (any stable pseudonymous key), so phrases and themes count
 *                  distinct people; null or blank counts the item as its own person
 * @param text      what was said
 * @param stream    which stream it belongs to; each stream is synthesised on its own
 */
public record Item(String id, String personKey, String text, String stream) {
    public Item {
        if (id == null) throw new IllegalArgumentException("An item needs an id");
        if (stream == null) stream = "";
        if (text == null) text = "";
    }

    String person() {
        return personKey == null || personKey.isBlank() ? "item:" + id : personKey;
    }
}
