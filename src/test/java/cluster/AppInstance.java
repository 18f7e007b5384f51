package cluster;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The packaged application (the jar, or the native executable when built) started as its own process. */
final class AppInstance implements AutoCloseable {
    private final Process process;
    private final int port;
    private final int managementPort;
    private final Path log;

    private AppInstance(Process process, int port, int managementPort, Path log) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
    }

    static AppInstance start(String name, Map<String, String> config) throws IOException {
        AppInstance instance = launch(name, config);
        instance.awaitReady(Duration.ofSeconds(90));
        return instance;
    }

    /** How a start that is expected to fail ended: the exit code and everything the process printed. */
    record Exit(int code, String log) {}

    /**
     * Starts the application and waits for it to exit by itself, at most {@code deadline} (then it is
     * killed and the test fails): for configurations the service must refuse.
     */
    static Exit startExpectingExit(String name, Map<String, String> config, Duration deadline)
            throws IOException, InterruptedException {
        AppInstance instance = launch(name, config);
        if (!instance.process.waitFor(deadline.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            instance.close();
            throw new AssertionError("the app was still running after " + deadline + "; see " + instance.log);
        }
        return new Exit(instance.process.exitValue(), java.nio.file.Files.readString(instance.log));
    }

    private static AppInstance launch(String name, Map<String, String> config) throws IOException {
        int port = freePort();
        // health and metrics listen on the management interface: a free port of its own per instance
        int managementPort = freePort();
        List<String> command = new ArrayList<>();
        String nativeImage = System.getProperty("native.image.path");
        boolean isNative = nativeImage != null && new File(nativeImage).canExecute();
        if (isNative) {
            command.add(nativeImage);
        } else {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx256m");
        }
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.management.port=" + managementPort);
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        if (!isNative) {
            command.add("-jar");
            command.add("target/quarkus-app/quarkus-run.jar");
        }
        Path log = Path.of("target", "it-" + name + ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .directory(new File("."))
                .start();
        return new AppInstance(process, port, managementPort, log);
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** The management interface: {@code /q/health/*}, {@code /q/metrics}. */
    String management() {
        return "http://127.0.0.1:" + managementPort;
    }

    private void awaitReady(Duration timeout) {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited during start-up; see " + log);
            }
            try {
                HttpResponse<String> ready = client.send(
                        HttpRequest.newBuilder(URI.create(management() + "/q/health/ready"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Thread.onSpinWait();
        }
        throw new IllegalStateException("the app was not ready within " + timeout + "; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Ends the process at once (SIGKILL): no shutdown hook runs, open transactions are left to the database. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
