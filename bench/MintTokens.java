import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Mints many dev JWTs fast (the shell script's openssl call per token is too slow for load tests).
 * Run as a single-file program: java bench/MintTokens.java <prefix> <count> <out-file> [admin]
 * Signed with dev/jwt/dev-private.pem, trusted only where the dev key pair is configured.
 */
public class MintTokens {
    public static void main(String[] args) throws Exception {
        String prefix = args[0];
        int count = Integer.parseInt(args[1]);
        Path out = Path.of(args[2]);
        boolean admin = args.length > 3 && args[3].equals("admin");
        String pem = Files.readString(Path.of("dev/jwt/dev-private.pem"))
                .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        long now = System.currentTimeMillis() / 1000;
        String groups = admin ? "[\"user\",\"admin\"]" : "[\"user\"]";
        Signature signer = Signature.getInstance("SHA256withRSA");
        List<String> lines = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            String sub = prefix + i;
            String payload = b64.encodeToString(("{\"iss\":\"concert-booking-dev\",\"sub\":\"" + sub + "\",\"groups\":" + groups
                            + ",\"iat\":" + now + ",\"exp\":" + (now + 6 * 3600) + "}")
                    .getBytes(StandardCharsets.UTF_8));
            signer.initSign(key);
            signer.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            lines.add(header + "." + payload + "." + b64.encodeToString(signer.sign()));
        }
        Files.write(out, lines);
    }
}
