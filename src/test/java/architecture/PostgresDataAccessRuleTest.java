package architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noCodeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The data-access rule of {@code adapters.postgres} (docs/architecture.md, "Data access"): entities
 * through Panache and typed JPQL; every SQL statement through {@code Jdbc}, whose row mappers read
 * typed columns; {@code COPY} only in the bulk store. No {@code Object[]} row and no cast of a cell.
 */
class PostgresDataAccessRuleTest {
    private static final Path SOURCES = Path.of("src/main/java/adapters/postgres");
    private static final String JDBC_HELPER = "adapters\\.postgres\\.Jdbc(\\$.*)?";
    private static final String BULK_STORE = "adapters\\.postgres\\.PostgresStatementStore(\\$.*)?";

    /** {@code Object[]} written anywhere, or a cast to a reference type such as {@code (String) row[7]}. */
    private static final Pattern UNTYPED_ROWS =
            Pattern.compile("Object\\s*\\[\\s*]|\\(\\s*[A-Z][\\w.]*(<[^()]*>)?(\\[\\s*])?\\s*\\)\\s*[\\w(]");

    private static final JavaClasses POSTGRES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("adapters.postgres");

    /** Hibernate hands back a native query's rows as {@code Object[]}; an untyped JPQL query too. */
    static final ArchRule sqlGoesThroughJdbc = noClasses()
            .should()
            .callMethodWhere(target(name("createNativeQuery")).or(target(name("createNativeMutationQuery"))))
            .orShould()
            .callMethod(EntityManager.class, "createQuery", String.class)
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("org.hibernate.query.NativeQuery")
            .because("SQL runs through Jdbc with a typed RowMapper; JPQL only as createQuery(jpql, Entity.class)");

    static final ArchRule onlyJdbcHoldsStatementsAndResultSets = noClasses()
            .that()
            .haveNameNotMatching(JDBC_HELPER)
            .should()
            .dependOnClassesThat(assignableTo(Statement.class).or(assignableTo(ResultSet.class)))
            .because("rows are read through Jdbc.Row's typed getters, statements prepared by Jdbc alone");

    static final ArchRule copyOnlyForBulk = noClasses()
            .that()
            .haveNameNotMatching(BULK_STORE)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.postgresql.copy..")
            .because("COPY is for the bulk loads of the reconciliation batch only");

    static final ArchRule noObjectArrayInSignatures = noCodeUnits()
            .should(takeOrReturn(Object[].class))
            .because("a row is mapped to a type where it is read, not passed around as Object[]");

    static final ArchRule noObjectArrayFields = noFields().should().haveRawType(Object[].class);

    @Test
    void theAdapterKeepsTheRule() {
        sqlGoesThroughJdbc.check(POSTGRES);
        onlyJdbcHoldsStatementsAndResultSets.check(POSTGRES);
        copyOnlyForBulk.check(POSTGRES);
        noObjectArrayInSignatures.check(POSTGRES);
        noObjectArrayFields.check(POSTGRES);
    }

    @Test
    void noSourceLineWritesObjectArraysOrCastsACell() throws IOException {
        assertTrue(Files.isDirectory(SOURCES), "run from the project root: " + SOURCES.toAbsolutePath());
        List<String> offending = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (UNTYPED_ROWS.matcher(lines.get(i)).find()) {
                        offending.add(file.getFileName() + ":" + (i + 1) + ": "
                                + lines.get(i).strip());
                    }
                }
            }
        }
        assertEquals(List.of(), offending, "Object[] rows or casts in adapters/postgres");
    }

    /** The rules can fail: each one catches the old style in {@link OldStyle}. */
    @Test
    void theRulesCatchTheOldStyle() {
        JavaClasses oldStyle = new ClassFileImporter().importClasses(OldStyle.class);

        assertTrue(sqlGoesThroughJdbc.evaluate(oldStyle).hasViolation());
        assertTrue(onlyJdbcHoldsStatementsAndResultSets.evaluate(oldStyle).hasViolation());
        assertTrue(noObjectArrayInSignatures.evaluate(oldStyle).hasViolation());
        assertTrue(UNTYPED_ROWS
                .matcher("List<Object[]> rows = query.getResultList();")
                .find());
        assertTrue(UNTYPED_ROWS.matcher("String key = (String) row[7];").find());
        assertTrue(
                UNTYPED_ROWS.matcher("long n = ((Number) row[8]).intValue();").find());
        assertTrue(UNTYPED_ROWS.matcher("Instant at = (Instant) run[6];").find());
    }

    private static ArchCondition<JavaCodeUnit> takeOrReturn(Class<?> type) {
        return new ArchCondition<>("take or return " + type.getSimpleName()) {
            @Override
            public void check(JavaCodeUnit unit, ConditionEvents events) {
                boolean uses = unit.getRawReturnType().isEquivalentTo(type)
                        || unit.getRawParameterTypes().stream().anyMatch(p -> p.isEquivalentTo(type));
                events.add(new SimpleConditionEvent(
                        unit, uses, unit.getFullName() + (uses ? " takes or returns " : " does not use ") + type));
            }
        };
    }

    /** What adapters.postgres looked like before the rule; never called. */
    @SuppressWarnings({"unchecked", "unused"})
    private static final class OldStyle {
        private OldStyle() {}

        static List<String> keys(EntityManager em) {
            List<Object[]> rows = em.createNativeQuery("SELECT key, n FROM t").getResultList();
            return rows.stream().map(OldStyle::key).toList();
        }

        static String key(Object[] row) {
            return String.valueOf(row[0]);
        }

        static long count(ResultSet rows) throws java.sql.SQLException {
            return rows.getLong(1);
        }
    }
}
