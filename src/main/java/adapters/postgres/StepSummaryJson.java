package adapters.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import domain.reconciliation.Category;
import domain.reconciliation.StepSummary;
import java.util.EnumMap;
import java.util.Map;

/** A step summary as stored in {@code recon_step.summary} (jsonb). */
final class StepSummaryJson {
    private StepSummaryJson() {}

    static String write(ObjectMapper json, StepSummary summary) {
        ObjectNode root = json.createObjectNode();
        ObjectNode categories = root.putObject("categories");
        summary.categories()
                .forEach((category, tally) -> categories
                        .putObject(category.name())
                        .put("count", tally.count())
                        .put("amount", tally.amount()));
        root.put("fees", summary.fees())
                .put("expectedFees", summary.expectedFees())
                .put("payout", summary.payout())
                .put("expectedPayout", summary.expectedPayout());
        return root.toString();
    }

    static StepSummary read(ObjectMapper json, String text) {
        if (text == null) {
            return StepSummary.EMPTY;
        }
        try {
            JsonNode root = json.readTree(text);
            Map<Category, StepSummary.Tally> categories = new EnumMap<>(Category.class);
            root.path("categories")
                    .properties()
                    .forEach(e -> categories.put(
                            Category.valueOf(e.getKey()),
                            new StepSummary.Tally(
                                    e.getValue().path("count").asLong(),
                                    e.getValue().path("amount").asLong())));
            return new StepSummary(
                    categories,
                    root.path("fees").asLong(),
                    root.path("expectedFees").asLong(),
                    root.path("payout").asLong(),
                    root.path("expectedPayout").asLong());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable step summary: " + text, e);
        }
    }
}
