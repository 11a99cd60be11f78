package id.sorot.access.web;

import id.sorot.access.AuditLog;
import id.sorot.access.Role;
import id.sorot.access.Users;
import id.sorot.base.SorotProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * On the first start of a store with no user, creates {@code admin} with a random password, written
 * once to {@code admin-password} beside the store (readable by its owner alone) and printed in the
 * log, as Jenkins does. Whoever reads it signs in, sets their own password and may delete the file.
 * Only the web application does this: a command-line verb on an empty store creates no one.
 */
@Component
@ConditionalOnWebApplication
class FirstAdmin implements SmartInitializingSingleton {

    static final String FILE = "admin-password";
    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final Users users;
    private final AuditLog audit;
    private final Path file;

    FirstAdmin(Users users, AuditLog audit, SorotProperties properties) {
        this.users = users;
        this.audit = audit;
        this.file = properties.storeFile().resolveSibling(FILE);
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!users.none()) return;
        String password = Users.randomPassword();
        write(password);
        users.add(new Users.Draft("admin", "Administrator", Role.ADMIN, Set.of(), null, false), password, "local");
        audit.record(
                "sorot",
                null,
                AuditLog.Action.USER_ADDED,
                "admin",
                "first start: password in " + file,
                AuditLog.Outcome.OK);
        log.warn(
                "\n\n  Sorot created the user 'admin' with the password {}\n  (also in {}, readable by its owner only)."
                        + "\n  Sign in and change it.\n",
                password,
                file);
    }

    private void write(String password) {
        try {
            Files.deleteIfExists(file);
            try {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file); // not a POSIX file system
            }
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the first admin's password to " + file, e);
        }
    }
}
