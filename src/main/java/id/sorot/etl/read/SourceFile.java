package id.sorot.etl.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file handed to the ETL: its original name (for messages and lineage), where its bytes are,
 * their size and SHA-256.
 */
public record SourceFile(String name, Path path, long size, String sha256) {

    /** A file already on disk. */
    public static SourceFile of(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            MessageDigest digest = newDigest();
            try (DigestInputStream d = new DigestInputStream(in, digest)) {
                d.transferTo(OutputStream.nullOutputStream());
            }
            return new SourceFile(path.getFileName().toString(), path, Files.size(path), hex(digest));
        }
    }

    /**
     * Copies an upload to a temporary file, hashing it on the way and stopping at {@code maxBytes}
     * so an oversized upload never fills the disk.
     */
    public static SourceFile copyOf(String name, InputStream in, long maxBytes) throws IOException {
        Path tmp = Files.createTempFile("sorot-upload-", suffix(name));
        MessageDigest digest = newDigest();
        long total = 0;
        try (OutputStream out = Files.newOutputStream(tmp)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw new EtlException(Problem.of(name, "etl.error.oversized", maxBytes / (1024 * 1024)));
                }
                digest.update(buf, 0, n);
                out.write(buf, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return new SourceFile(name, tmp, total, hex(digest));
    }

    private static String suffix(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? ".bin" : name.substring(dot).replaceAll("[^.A-Za-z0-9]", "");
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }
}
