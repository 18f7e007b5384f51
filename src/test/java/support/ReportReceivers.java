package support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Where the reconciliation report goes in tests (decision D60): a real SMTP server (GreenMail) on a
 * loopback port and a real HTTP server standing in for a Slack-compatible chat webhook. Started
 * before the application of the profile that uses it; the SMTP server can be stopped and started
 * again on the same port to test a failed delivery.
 */
public class ReportReceivers implements QuarkusTestResourceLifecycleManager {
    public static final String TO = "finance@example.test";
    public static final String ALSO_TO = "controller@example.test";
    public static final String FROM = "reconciliation@concert.test";

    private static int smtpPort;
    private static volatile GreenMail smtp;
    private static HttpServer chat;
    private static final List<String> CHAT_MESSAGES = Collections.synchronizedList(new ArrayList<>());

    @Override
    public Map<String, String> start() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            smtpPort = probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        startSmtp();
        try {
            chat = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        chat.createContext("/hooks/report", exchange -> {
            CHAT_MESSAGES.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        chat.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "chat-webhook-stand-in");
            t.setDaemon(true);
            return t;
        }));
        chat.start();
        return Map.of(
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(smtpPort),
                "reconciliation.report.to", TO + "," + ALSO_TO,
                "reconciliation.report.from", FROM,
                "reconciliation.report.webhook-url",
                        "http://127.0.0.1:" + chat.getAddress().getPort() + "/hooks/report",
                "reconciliation.report.retries", "2",
                "reconciliation.report.retry-delay", "50ms",
                "reconciliation.report.retry-max-delay", "200ms");
    }

    @Override
    public void stop() {
        stopSmtp();
        if (chat != null) {
            chat.stop(0);
        }
    }

    /** (Re)starts the SMTP server on its port. */
    public static synchronized void startSmtp() {
        if (smtp == null) {
            smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
            smtp.start();
        }
    }

    /** Stops the SMTP server: connections to its port are refused until {@link #startSmtp()}. */
    public static synchronized void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
            smtp = null;
        }
    }

    public static MimeMessage[] mails() {
        GreenMail server = smtp;
        return server == null ? new MimeMessage[0] : server.getReceivedMessages();
    }

    public static List<String> chatMessages() {
        synchronized (CHAT_MESSAGES) {
            return List.copyOf(CHAT_MESSAGES);
        }
    }
}
