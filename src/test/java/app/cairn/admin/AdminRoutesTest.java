package app.cairn.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdminRoutesTest {

    @Test
    void a_downloaded_attachment_keeps_a_safe_filename() {
        assertThat(AdminRoutes.safeFilename("invite.ics")).isEqualTo("invite.ics");
        assertThat(AdminRoutes.safeFilename("../../etc/passwd")).isEqualTo("attachment.._.._etc_passwd");
        assertThat(AdminRoutes.safeFilename("pack \"final\".pdf")).isEqualTo("pack__final_.pdf");
        assertThat(AdminRoutes.safeFilename("")).isEqualTo("attachment");
    }

    @Test
    void sizes_read_as_people_say_them() {
        assertThat(AdminRoutes.size(512)).isEqualTo("512 bytes");
        assertThat(AdminRoutes.size(12_800)).isEqualTo("13 KB");
        assertThat(AdminRoutes.size(3 * 1024 * 1024 + 200_000)).isEqualTo("3.2 MB");
    }
}
