package app.cairn.registration;

import java.util.List;

/**
 * An organisation people come from. Directory organisations have a {@code code} and belong to
 * every community; names typed that matched nothing belong to one community. A merged one
 * points at the organisation it is a spelling of.
 */
public record Organisation(long id, String code, Long communityId, String name, String sector, String kind,
        List<String> aliases, Long mergedInto) {
    public Organisation {
        aliases = List.copyOf(aliases);
    }

    public boolean fromDirectory() {
        return code != null;
    }

    /** The organisation reports count this one as. */
    public long canonicalId() {
        return mergedInto != null ? mergedInto : id;
    }

    public String sectorLabel() {
        return Sector.labelOf(sector);
    }
}
