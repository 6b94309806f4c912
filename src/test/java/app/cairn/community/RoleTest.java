package app.cairn.community;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void each_role_can_do_what_the_roles_below_it_can() {
        assertThat(Role.OWNER.atLeast(Role.ORGANISER)).isTrue();
        assertThat(Role.OWNER.atLeast(Role.FACILITATOR)).isTrue();
        assertThat(Role.ORGANISER.atLeast(Role.FACILITATOR)).isTrue();
        assertThat(Role.ORGANISER.atLeast(Role.OWNER)).isFalse();
        assertThat(Role.FACILITATOR.atLeast(Role.ORGANISER)).isFalse();
        assertThat(Role.FACILITATOR.atLeast(Role.FACILITATOR)).isTrue();
    }

    @Test
    void a_chosen_role_is_found_by_its_code_and_anything_else_is_not_a_role() {
        assertThat(Role.find("organiser")).contains(Role.ORGANISER);
        assertThat(Role.find(" Owner ")).contains(Role.OWNER);
        assertThat(Role.find("admin")).isEmpty();
        assertThat(Role.find("")).isEmpty();
        assertThat(Role.find(null)).isEmpty();
    }

    @Test
    void the_last_owner_can_neither_step_down_nor_be_removed() {
        assertThat(TeamService.leavesNoOwner(1, Role.OWNER, Role.ORGANISER)).isTrue();
        assertThat(TeamService.leavesNoOwner(1, Role.OWNER, null)).isTrue();
        assertThat(TeamService.leavesNoOwner(1, Role.OWNER, Role.OWNER)).isFalse();
    }

    @Test
    void an_owner_with_another_owner_beside_them_may_step_down_and_others_may_always_change() {
        assertThat(TeamService.leavesNoOwner(2, Role.OWNER, Role.FACILITATOR)).isFalse();
        assertThat(TeamService.leavesNoOwner(2, Role.OWNER, null)).isFalse();
        assertThat(TeamService.leavesNoOwner(1, Role.ORGANISER, null)).isFalse();
        assertThat(TeamService.leavesNoOwner(1, Role.FACILITATOR, Role.OWNER)).isFalse();
    }
}
