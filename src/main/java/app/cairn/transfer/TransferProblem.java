package app.cairn.transfer;

/** A file that cannot be brought in, with a message naming the line or row and saying what to do. */
public final class TransferProblem extends RuntimeException {
    public TransferProblem(String message) {
        super(message, null, false, false);
    }

    static TransferProblem atLine(int line, String what) {
        return new TransferProblem("Line " + line + ": " + what);
    }
}
