package io.waybill.command;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.waybill.platform.request.Ids;
import io.waybill.platform.request.Name;
import io.waybill.platform.request.Sid;
import io.waybill.platform.request.Text;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's table of limits is the code's: every text field of every request body is in it, with the limits its
 * annotations give it (a field with different limits in different requests lists each), and nothing else is.
 */
class LimitsTableTest {

    private static final int ID = 64;
    private static final Pattern FIELD = Pattern.compile("`(\\w+)`");
    private static final Pattern NUMBER = Pattern.compile("\\b(\\d+)\\b");

    @Test
    void theReadmeTableOfLimitsIsTheCodes() throws IOException {
        Map<String, Set<Integer>> code = limitsInCode();
        Map<String, Set<Integer>> readme = new TreeMap<>();
        for (Row row : rowsOfTheReadme()) {
            Set<Integer> named = new TreeSet<>();
            for (String field : row.fields()) {
                assertThat(code).as("the README's limits name `%s`, which no request has", field)
                        .containsKey(field);
                assertThat(row.limits()).as("the README's limit of `%s`", field).containsAll(code.get(field));
                named.addAll(code.get(field));
                readme.put(field, row.limits());
            }
            assertThat(row.limits()).as("the README's limits of %s", row.fields()).isEqualTo(named);
        }
        assertThat(readme.keySet()).as("fields of requests the README's table of limits leaves out")
                .containsAll(code.keySet());
    }

    private record Row(List<String> fields, Set<Integer> limits) {
    }

    private static List<Row> rowsOfTheReadme() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        int start = readme.indexOf("### Limits");
        assertThat(start).as("README section ### Limits").isNotNegative();
        String section = readme.substring(start, readme.indexOf("\n#", start + 1));
        return section.lines().filter(line -> line.startsWith("| `")).map(line -> {
            String[] cells = line.split("\\|");
            List<String> fields = find(FIELD, cells[1]).stream().toList();
            Set<Integer> limits = find(NUMBER, cells[2]).stream().map(Integer::valueOf)
                    .collect(Collectors.toCollection(TreeSet::new));
            return new Row(fields, limits);
        }).toList();
    }

    private static List<String> find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        List<String> found = new java.util.ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    /** Each annotated text field of a request record, with every limit it has in some request. */
    static Map<String, Set<Integer>> limitsInCode() {
        Map<String, Set<Integer>> limits = new TreeMap<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.waybill.command")) {
            Class<?> record = type.reflect();
            if (!record.isRecord()) {
                continue;
            }
            for (RecordComponent component : record.getRecordComponents()) {
                // the annotations target fields, parameters and methods: the accessor carries them
                java.lang.reflect.Method accessor = component.getAccessor();
                Set<Integer> of = new HashSet<>();
                Integer text = accessor.isAnnotationPresent(Sid.class) ? Integer.valueOf(ID)
                        : accessor.isAnnotationPresent(Name.class) ? Integer.valueOf(Text.NAME)
                        : accessor.isAnnotationPresent(Text.class)
                        ? Integer.valueOf(accessor.getAnnotation(Text.class).max())
                        : null;
                if (accessor.isAnnotationPresent(Ids.class)) {
                    of.add(accessor.getAnnotation(Ids.class).max());
                    of.add(text == null ? ID : text);
                } else if (text != null) {
                    of.add(text);
                }
                if (!of.isEmpty()) {
                    limits.computeIfAbsent(component.getName(), name -> new TreeSet<>()).addAll(of);
                }
            }
        }
        return limits;
    }
}
