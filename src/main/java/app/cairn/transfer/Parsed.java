package app.cairn.transfer;

import app.cairn.live.Contribution.PollKind;
import java.time.LocalTime;
import java.util.List;

/** What a file brought in says, before any of it is matched to an event or saved. */
public sealed interface Parsed {
    Format format();

    /** A chat log: messages, replies, reactions and direct messages, in file order. */
    record Chat(Format format, List<ChatLine> lines) implements Parsed {
        public Chat {
            lines = List.copyOf(lines);
        }
    }

    /**
     * One chat entry. {@code time} is a clock time, or time since the recording started when
     * {@code elapsed}; {@code about} is the message a reply or reaction refers to.
     */
    record ChatLine(int line, LocalTime time, boolean elapsed, String sender, String text, Kind kind, String about) {}

    /** What a chat entry is: only messages and replies are public contributions. */
    enum Kind {
        MESSAGE,
        REPLY,
        REACTION,
        DIRECT
    }

    /** Who attended, from an attendance report. */
    record Attendance(Format format, List<Attendee> people) implements Parsed {
        public Attendance {
            people = List.copyOf(people);
        }
    }

    /** One person in an attendance report; {@code role} is "Organizer", "Presenter" or "Attendee". */
    record Attendee(int row, String name, String email, String role, LocalTime joined, LocalTime left) {
        public boolean organiser() {
            return role != null && (role.toLowerCase(java.util.Locale.ROOT).startsWith("organi")
                    || role.toLowerCase(java.util.Locale.ROOT).startsWith("presenter"));
        }
    }

    /** Breakout notes, one room each. */
    record Notes(Format format, List<Room> rooms) implements Parsed {
        public Notes {
            rooms = List.copyOf(rooms);
        }
    }

    record Room(int line, String name, List<String> notes) {
        public Room {
            notes = List.copyOf(notes);
        }
    }

    /** Poll, word cloud and Q&A results from a polling tool. */
    record Results(Format format, List<PollResult> polls, List<Question> questions) implements Parsed {
        public Results {
            polls = List.copyOf(polls);
            questions = List.copyOf(questions);
        }
    }

    /** A poll with its options (or words, or answers) and how many chose each. */
    record PollResult(int row, String question, PollKind kind, List<Option> options) {
        public PollResult {
            options = List.copyOf(options);
        }

        public int votes() {
            return options.stream().mapToInt(Option::votes).sum();
        }
    }

    record Option(String text, int votes) {}

    /** A question asked in a Q&A tool. */
    record Question(int row, String text, String author, int upvotes, boolean answered) {}

    /** A sheet of people (registrations), brought in through the registration import. */
    record People(Format format, app.cairn.registration.Sheet sheet) implements Parsed {}

    /** A sheet of evaluation answers, one row per person, with what each column is. */
    record Feedback(Format format, app.cairn.registration.Sheet sheet, List<Column> columns) implements Parsed {
        public Feedback {
            columns = List.copyOf(columns);
        }

        /** The columns of one kind, in sheet order. */
        public List<Column> of(Role role) {
            return columns.stream().filter(c -> c.role() == role).toList();
        }
    }

    /** One column of a feedback sheet: its place, its header and what it is. */
    record Column(int index, String header, Role role) {}

    /** What a feedback sheet's column holds. */
    enum Role {
        /** The form's own bookkeeping (ID, start and completion times, timestamp, language): never a question. */
        METADATA,
        NAME,
        EMAIL,
        RECOMMEND,
        SCORE,
        VALUED,
        BETTER,
        /** One of the organiser's own questions. */
        QUESTION;

        /** One of the four questions every Cairn feedback form asks. */
        public boolean standard() {
            return this == RECOMMEND || this == SCORE || this == VALUED || this == BETTER;
        }
    }
}
