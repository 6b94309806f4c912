package app.cairn.account;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/** Password hashing with Argon2id at OWASP's recommended cost (19 MiB, 2 passes, 1 lane). */
final class Passwords {
    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 200;
    private static final Argon2Function ARGON2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);

    private Passwords() {}

    static String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
    }

    static boolean matches(String password, String hash) {
        return Password.check(password, hash).with(ARGON2);
    }

    /** A hash to check against when the email is unknown, so timing does not reveal which emails exist. */
    static final String DECOY = hash("not-a-real-password-decoy");

    /** What is wrong with a new password, or null when it is acceptable. */
    static String problem(String password, String email) {
        if (password.isEmpty()) return "Enter a password";
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return "Password must be at least " + MIN_LENGTH + " characters long";
        }
        if (password.length() > MAX_LENGTH) return "Password must be " + MAX_LENGTH + " characters or fewer";
        if (!email.isEmpty() && password.equalsIgnoreCase(email)) return "Password must not be your email address";
        return null;
    }
}
