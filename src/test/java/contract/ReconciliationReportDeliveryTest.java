package contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static support.Reconciliation.awaitEnd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import support.Reconciliation;
import support.ReportReceivers;

/**
 * The run report reaches people (issue #18 item 6, decision D60): at the end of a run, an e-mail
 * received by a real SMTP server (recipients, subject, figures, CSV rows) and a chat message
 * received by a real HTTP server; an SMTP server that is down costs the report, never the run.
 */
@QuarkusTest
@TestProfile(ReportedProfile.class)
class ReconciliationReportDeliveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static <T> T await(String what, Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (done.test(value)) {
                return value;
            }
            LockSupport.parkNanos(50_000_000); // between polls, not a wait for a result
        }
        fail(what + " did not happen within 30 s");
        return null;
    }

    static List<MimeMessage> mailsAbout(LocalDate date) {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : ReportReceivers.mails()) {
            try {
                if (m.getSubject() != null && m.getSubject().contains(date.toString())) {
                    found.add(m);
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    @Test
    void theReportIsMailedWithItsFiguresAndACsvAndPostedToTheChat() throws Exception {
        ReportReceivers.startSmtp();
        ReconciliationContractTest.Day day = ReconciliationContractTest.craftedDay();
        Reconciliation.start(day.date());
        assertEquals("COMPLETED", awaitEnd(day.date()).getString("status"));

        JsonPath report = await(
                "the report's delivery",
                () -> Reconciliation.report(day.date()),
                r -> r.getString("reportDeliveredAt") != null || r.getString("reportDeliveryFailure") != null);
        assertNull(report.getString("reportDeliveryFailure"));
        assertNotNull(report.getString("reportDeliveredAt"));

        // one message per recipient mailbox, the same message
        List<MimeMessage> mails = await("the e-mail", () -> mailsAbout(day.date()), m -> m.size() >= 2);
        MimeMessage mail = mails.getFirst();
        List<String> to = Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
                .map(a -> ((InternetAddress) a).getAddress())
                .sorted()
                .toList();
        assertEquals(List.of(ReportReceivers.ALSO_TO, ReportReceivers.TO), to);
        assertEquals(ReportReceivers.FROM, ((InternetAddress) mail.getFrom()[0]).getAddress());
        assertTrue(mail.getSubject().startsWith("Reconciliation " + day.date() + ": COMPLETED, "), mail.getSubject());
        assertTrue(mail.getSubject().contains(" mismatches, "), mail.getSubject());

        String html = null;
        String csv = null;
        String csvName = null;
        for (Part part : parts(mail)) {
            if (part.isMimeType("text/html")) {
                html = text(part);
            } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                csv = text(part);
                csvName = part.getFileName();
            }
        }
        assertNotNull(html, "an HTML body");
        // the crafted day's figures: toss transactions matched 3 for 27,000, an amount mismatch of 30,000;
        // kcp settlements fee 375, payout 14,625
        assertTrue(
                html.contains("<td>toss</td><td>TRANSACTIONS</td><td>COMPLETED</td><td>MATCHED</td><td>3</td>"
                        + "<td>27000</td>"),
                html);
        assertTrue(html.contains("<td>AMOUNT_MISMATCH</td><td>1</td><td>30000</td>"), html);
        assertTrue(html.contains("<td>kcp</td><td>375</td><td>375</td><td>14625</td><td>14625</td>"), html);
        assertTrue(html.contains("Open cases: "), html);
        assertTrue(html.contains("8-30: "), html);
        assertTrue(html.contains("Top mismatches"), html);
        assertTrue(html.contains(day.missingAtPg()), "the mismatch unknown to the PG is among the largest");

        assertEquals("reconciliation-" + day.date() + ".csv", csvName);
        assertNotNull(csv, "a CSV attachment");
        List<String> rows = csv.lines().toList();
        assertEquals("provider,stage,status,category,count,amount", rows.getFirst());
        assertTrue(rows.contains("toss,TRANSACTIONS,COMPLETED,MATCHED,3,27000"), csv);
        assertTrue(rows.contains("toss,TRANSACTIONS,COMPLETED,MISSING_INTERNAL,1,20000"), csv);
        assertTrue(rows.contains("toss,TRANSACTIONS,COMPLETED,MISSING_AT_PG,1,5000"), csv);
        assertTrue(rows.contains("toss,TRANSACTIONS,COMPLETED,STATUS_MISMATCH,1,7000"), csv);
        assertTrue(rows.contains("kcp,SETTLEMENTS,COMPLETED,FEES,0,375"), csv);
        assertTrue(rows.contains("kcp,SETTLEMENTS,COMPLETED,PAYOUT,0,14625"), csv);

        // the chat webhook got the same run as {"text": ...}
        String message = await(
                "the chat message",
                () -> ReportReceivers.chatMessages().stream()
                        .filter(m -> m.contains(day.date().toString()))
                        .findFirst()
                        .orElse(null),
                m -> m != null);
        JsonNode chat = JSON.readTree(message);
        String text = chat.get("text").asText();
        assertTrue(text.startsWith("Reconciliation " + day.date() + ": COMPLETED"), text);
        assertTrue(text.contains("toss TRANSACTIONS COMPLETED, MATCHED 3 (27000)"), text);
        assertTrue(text.contains("Open cases by days open: 0-1: "), text);
    }

    @Test
    void anSmtpServerThatIsDownCostsTheReportNotTheRun() {
        ReconciliationContractTest.Day day = ReconciliationContractTest.craftedDay();
        ReportReceivers.stopSmtp();
        try {
            Reconciliation.start(day.date());
            assertEquals("COMPLETED", awaitEnd(day.date()).getString("status"));
            JsonPath report = await(
                    "the report's delivery outcome",
                    () -> Reconciliation.report(day.date()),
                    r -> r.getString("reportDeliveryFailure") != null || r.getString("reportDeliveredAt") != null);
            assertEquals("COMPLETED", report.getString("status"));
            assertNull(report.getString("reportDeliveredAt"));
            assertTrue(
                    report.getString("reportDeliveryFailure").startsWith("mail: "),
                    report.getString("reportDeliveryFailure"));
            // the chat still got it
            assertTrue(ReportReceivers.chatMessages().stream()
                    .anyMatch(m -> m.contains(day.date().toString())));
        } finally {
            ReportReceivers.startSmtp();
        }
    }

    private static List<Part> parts(Part part) throws Exception {
        List<Part> all = new ArrayList<>();
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                all.addAll(parts(child));
            }
        } else {
            all.add(part);
        }
        return all;
    }

    private static String text(Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof String s) {
            return s;
        }
        try (InputStream in = part.getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
