package app.cairn;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The boundaries STYLE.md asks for, checked on every build. */
class ArchitectureTest {
    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("app.cairn");
    }

    @Test
    void a_feature_reaches_another_features_tables_only_through_its_service() {
        classes().that().haveSimpleNameEndingWith("Store")
                .should(new com.tngtech.archunit.lang.ArchCondition<>("be used only inside their own package") {
                    @Override
                    public void check(com.tngtech.archunit.core.domain.JavaClass store,
                            com.tngtech.archunit.lang.ConditionEvents events) {
                        store.getAccessesToSelf().forEach(access -> {
                            String from = access.getOriginOwner().getPackageName();
                            if (!from.equals(store.getPackageName())) {
                                events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(access,
                                        access.getDescription()));
                            }
                        });
                    }
                })
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void the_web_layer_knows_no_feature() {
        noClasses().that().resideInAPackage("app.cairn.web..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "app.cairn.account..", "app.cairn.community..", "app.cairn.event..", "app.cairn.registration..",
                        "app.cairn.live..", "app.cairn.rooms..", "app.cairn.feedback..", "app.cairn.synthesis..",
                        "app.cairn.pack..", "app.cairn.insights..", "app.cairn.transfer..", "app.cairn.mail..")
                .check(classes);
    }

    @Test
    void shared_errors_and_settings_depend_on_no_feature() {
        noClasses().that().resideInAnyPackage("app.cairn.common..", "app.cairn.config..", "app.cairn.store..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "app.cairn.account..", "app.cairn.community..", "app.cairn.event..", "app.cairn.web..")
                .check(classes);
    }
}
