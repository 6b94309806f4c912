package app.cairn.transfer;

import app.cairn.live.Contribution;
import java.time.Instant;
import java.util.List;

/**
 * What bringing in a set of files would do to an event, worked out before anything is saved:
 * every item that would be added (in time order), every one skipped and why, and every sender
 * with the registration they were matched to (or none, for the organiser to choose).
 */
public record ImportPlan(List<FileSummary> files, List<Item> items, List<Skipped> skipped, List<Sender> senders,
        List<Person> people, int reactions, Feedback feedback) {

    public ImportPlan {
        files = List.copyOf(files);
        items = List.copyOf(items);
        skipped = List.copyOf(skipped);
        senders = List.copyOf(senders);
        people = List.copyOf(people);
        feedback = feedback == null ? Feedback.NONE : feedback;
    }

    /** True when a file could not be read: then nothing at all is brought in. */
    public boolean blocked() {
        return files.stream().anyMatch(f -> f.problem() != null);
    }

    public long count(String kind) {
        return items.stream().filter(i -> i.kind().equals(kind)).count();
    }

    /** One file, what it was read as, and its problem if it could not be read. */
    public record FileSummary(String filename, String sha256, Format format, String problem, String alreadyOn) {
        public String label() {
            return format == null ? "Not readable" : format.label();
        }
    }

    /** Who an item is from: the organiser, a sender (by key), or a numbered voter of a polling tool. */
    public record Author(boolean organiser, String senderKey) {
        static final Author ORGANISER = new Author(true, null);

        static Author sender(String key) {
            return new Author(false, key);
        }
    }

    /**
     * One thing to add to the log. {@code answers} names the item key of the question an answer
     * status is about (its log number is known only once saved).
     */
    public record Item(String key, Instant at, String file, String where, Author author, Contribution contribution,
            String segment, String kind, String text, String answers) {}

    public record Skipped(String file, String where, String reason) {}

    /**
     * A person who wrote in a chat or asked a question. {@code choice} is what happens to them:
     * "reg:ID" (matched to a registration), "host" (the organiser's own words), or "anonymous".
     */
    public record Sender(String key, String name, String email, String choice, String matchedTo, int items,
            boolean suggested) {
        public boolean matched() {
            return choice.startsWith("reg:");
        }

        public boolean host() {
            return choice.equals("host");
        }
    }

    /** Someone in an attendance report, who becomes a participant who joined at that time. */
    public record Person(String key, String name, String email, Long registrationId, Instant joined, String file,
            String where) {}

    /**
     * What feedback sheets would add to the event's feedback form: responses, and the organiser's
     * own questions they answer (new ones to add, and those the form has already, by label).
     */
    public record Feedback(List<Response> responses, List<NewQuestion> questions, List<String> reused) {
        static final Feedback NONE = new Feedback(List.of(), List.of(), List.of());

        public Feedback {
            responses = List.copyOf(responses);
            questions = List.copyOf(questions);
            reused = List.copyOf(reused);
        }

        /** How many responses are from people matched to a registration. */
        public long matched() {
            return responses.stream().filter(r -> r.registrationId() != null).count();
        }

        public boolean any() {
            return !responses.isEmpty() || !questions.isEmpty();
        }
    }

    /**
     * One row of a feedback sheet as it would be saved. {@code key} is "registration:ID" when the
     * person was matched to a registration, else "import:" with the file's hash and the row;
     * {@code name} is what is kept of who they are (null when the form is anonymous);
     * {@code answers} are to the organiser's own questions, by label.
     */
    public record Response(String key, String file, String where, Long registrationId, String matchedTo, String name,
            Boolean recommend, Integer score, String valued, String better, java.util.Map<String, String> answers) {
        public Response {
            answers = java.util.Map.copyOf(answers);
        }
    }

    /** One of the organiser's own questions a feedback sheet would add to the form, from a column. */
    public record NewQuestion(String label, app.cairn.registration.QuestionKind kind, List<String> choices, String file,
            String column) {
        public NewQuestion {
            choices = List.copyOf(choices);
        }
    }
}
