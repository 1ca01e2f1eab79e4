package org.gugus.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command list read at each start instead of a class-path scan holds every top-level command. */
class CommandCatalogTests {

    @Test
    void listsEveryTopLevelCommandClassUnderGugus() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent() && !definition.getMetadata().hasEnclosingClass();
            }
        };
        scanner.addIncludeFilter(new AnnotationTypeFilter(Command.class));
        List<String> onClassPath = scanner.findCandidateComponents("org.gugus").stream()
                .map(BeanDefinition::getBeanClassName)
                .toList();

        assertThat(CommandCatalog.listed())
                .as("every top-level @Command class is listed in %s", CommandCatalog.COMMANDS)
                .containsExactlyInAnyOrderElementsOf(onClassPath);
    }

    @Test
    void offersEachListedCommandByItsName() {
        assertThat(CommandCatalog.names()).contains("load", "pull", "files", "persons", "report", "users")
                .doesNotHaveDuplicates()
                .hasSameSizeAs(CommandCatalog.listed());
    }

    @Test
    void buildsOnlyTheCommandTheArgumentsName() {
        assertThat(CommandCatalog.toBuild("load", "--office", "64.72", "korban.csv"))
                .extracting(Class::getSimpleName).containsExactly("LoadCommand");
        assertThat(CommandCatalog.toBuild("persons", "resolve", "--all"))
                .extracting(Class::getSimpleName).containsExactly("PersonsCommand");
    }

    @Test
    void buildsEveryCommandWhenTheArgumentsNameNone() {
        int all = CommandCatalog.listed().size();
        assertThat(CommandCatalog.toBuild()).hasSize(all);
        assertThat(CommandCatalog.toBuild("lod", "--office", "64.72")).hasSize(all);
        assertThat(CommandCatalog.toBuild("help", "load")).hasSize(all);
        assertThat(CommandCatalog.toBuild("--version")).hasSize(all);
    }

    @Test
    void parsesTheNamedCommandWithOnlyItsModel() {
        CommandLine.ParseResult parsed = CommandCatalog.forParsing("load", "--office", "64.72", "korban.csv")
                .parseArgs("load", "--office", "64.72", "korban.csv");

        assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("load");
        assertThat(parsed.subcommand().matchedOptionValue("--office", "")).isEqualTo("64.72");
    }
}
