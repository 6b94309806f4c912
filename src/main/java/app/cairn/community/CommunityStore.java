package app.cairn.community;

import app.cairn.store.Db;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for communities and their members. */
final class CommunityStore {
    static final String COLUMNS = """
            c.id, c.slug, c.name, c.description, c.contact_email, c.logo_text,
            (c.logo_image IS NOT NULL) AS has_logo, c.brand_colour, c.privacy_notice, c.created_at""";
    static final RowMapper<Community> COMMUNITY = (rs, ctx) -> new Community(
            rs.getLong("id"),
            rs.getString("slug"),
            rs.getString("name"),
            rs.getString("description"),
            rs.getString("contact_email"),
            rs.getString("logo_text"),
            rs.getBoolean("has_logo"),
            rs.getString("brand_colour"),
            rs.getString("privacy_notice"),
            rs.getObject("created_at", OffsetDateTime.class).toInstant());

    private final Jdbi jdbi;

    CommunityStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Jdbi jdbi() {
        return jdbi;
    }

    boolean slugTaken(Handle h, String slug) {
        return h.createQuery("SELECT COUNT(*) FROM communities WHERE slug = :slug")
                        .bind("slug", slug)
                        .mapTo(Integer.class)
                        .one()
                > 0;
    }

    long insert(Handle h, String slug, String name, String description, String contactEmail, String logoText,
            long createdBy, Instant now) {
        return h.createUpdate("""
                        INSERT INTO communities (slug, name, description, contact_email, logo_text, created_at, created_by)
                        VALUES (:slug, :name, :description, :contact, :logo, :now, :by)""")
                .bind("slug", slug)
                .bind("name", name)
                .bind("description", description)
                .bind("contact", contactEmail)
                .bind("logo", logoText)
                .bind("now", Db.utc(now))
                .bind("by", createdBy)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    void addMember(Handle h, long communityId, long accountId, Role role, Instant now) {
        h.createUpdate("""
                        INSERT INTO community_members (community_id, account_id, role, joined_at)
                        VALUES (:community, :account, :role, :now) ON CONFLICT DO NOTHING""")
                .bind("community", communityId)
                .bind("account", accountId)
                .bind("role", role.code())
                .bind("now", Db.utc(now))
                .execute();
    }

    void update(Handle h, long id, CommunityService.Details d, String brandColour, String privacyNotice) {
        h.createUpdate("""
                        UPDATE communities SET name = :name, description = :description, contact_email = :contact,
                            logo_text = :logo, brand_colour = :colour, privacy_notice = :privacy
                        WHERE id = :id""")
                .bind("id", id)
                .bind("name", d.name())
                .bind("description", d.description())
                .bind("contact", d.contactEmail())
                .bind("logo", d.logoText())
                .bind("colour", brandColour)
                .bind("privacy", privacyNotice)
                .execute();
    }

    /** Sets or (with null) clears the logo image. */
    void setLogo(Handle h, long id, LogoImage logo) {
        h.createUpdate("UPDATE communities SET logo_image = :image, logo_content_type = :type WHERE id = :id")
                .bind("id", id)
                .bind("image", logo == null ? null : logo.content())
                .bind("type", logo == null ? null : logo.contentType())
                .execute();
    }

    Optional<LogoImage> logo(String slug) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT logo_image, logo_content_type FROM communities WHERE slug = :slug AND logo_image IS NOT NULL")
                .bind("slug", slug)
                .map((rs, ctx) -> new LogoImage(rs.getBytes("logo_image"), rs.getString("logo_content_type")))
                .findOne());
    }

    Optional<Community> byId(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM communities c WHERE c.id = :id")
                .bind("id", id)
                .map(COMMUNITY)
                .findOne());
    }

    Optional<Community> bySlug(String slug) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM communities c WHERE c.slug = :slug")
                .bind("slug", slug)
                .map(COMMUNITY)
                .findOne());
    }

    Optional<Role> roleOf(long accountId, long communityId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT role FROM community_members WHERE account_id = :account AND community_id = :community")
                .bind("account", accountId)
                .bind("community", communityId)
                .mapTo(String.class)
                .findOne()
                .map(Role::parse));
    }

    List<Membership> membershipsOf(long accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + ", m.role FROM communities c "
                        + "JOIN community_members m ON m.community_id = c.id WHERE m.account_id = :account ORDER BY c.name")
                .bind("account", accountId)
                .map((rs, ctx) -> new Membership(COMMUNITY.map(rs, ctx), Role.parse(rs.getString("role"))))
                .list());
    }
}
