package adapters.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.Map;
import java.util.Optional;

/** Tickets: the key their codes are signed with, the keys they still verify with, and the QR image. */
@ConfigMapping(prefix = "tickets")
public interface TicketsConfig {
    Signing signing();

    Qr qr();

    interface Signing {
        /**
         * The id of the signing key, written into every code ({@code kid}): 1 to 8 of A–Z and 0–9.
         * A new key gets a new id; codes of the old one verify while it is listed in
         * {@link #acceptedKeys()}.
         */
        @WithName("key-id")
        @WithDefault("K1")
        String keyId();

        /**
         * The Ed25519 private key as PKCS#8 PEM ({@code openssl genpkey -algorithm ed25519}), or the
         * base64 of its DER. No default: the {@link StartupGuard} refuses to start without it or
         * {@link #privateKeyLocation()}.
         */
        @WithName("private-key")
        Optional<String> privateKey();

        /** A file holding {@link #privateKey()}; read once at start-up. */
        @WithName("private-key-location")
        Optional<String> privateKeyLocation();

        /**
         * Public keys codes also verify with, by id, besides the signing key's own: the previous key
         * after a rotation (so codes it signed stay valid), or the next one before it (so gate devices
         * have it before it signs). Each as PEM ({@code openssl pkey -pubout}) or the base64 of its DER.
         */
        @WithName("accepted-keys")
        Map<String, String> acceptedKeys();
    }

    interface Qr {
        /** Pixels per QR module in the PNG (the SVG scales freely): 1 to 32. */
        @WithName("module-pixels")
        @WithDefault("8")
        int modulePixels();
    }
}
