package app.cairn.live;

import app.cairn.common.Invalid;
import app.cairn.common.NotFound;
import app.cairn.live.Contribution.Answer;
import app.cairn.live.Contribution.ModerationAction;
import app.cairn.live.Contribution.PollKind;
import app.cairn.live.Sequencer.Author;
import app.cairn.live.Sequencer.Check;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * The operations of a live conversation: joining, running the agenda, polls, chat and
 * questions, reflections and moderation. Each one is appended to the event's log through the
 * {@link Sequencer}, with a check against the live state, and returns once it is durable.
 */
public final class LiveService {
    public static final int MAX_MESSAGE = 1_000;
    public static final int MAX_REFLECTION = 2_000;
    private static final Pattern RECORDING_AT = Pattern.compile("^(\\d{1,2}:)?[0-5]?\\d:[0-5]\\d$");
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final Sequencer sequencer;
    private final ParticipantStore participants;
    private final LivePlan.Plans plans;
    private final Clock clock;
    private final app.cairn.mail.Mailer mailer;
    private final Recent<String, LiveSession> sessionsByCode;
    private final Recent<Long, LiveSession> sessionsByEvent;
    private final Recent<String, Participant> peopleByToken;

    LiveService(Sequencer sequencer, ParticipantStore participants, LivePlan.Plans plans, Clock clock,
            app.cairn.mail.Mailer mailer) {
        this.sequencer = sequencer;
        this.participants = participants;
        this.plans = plans;
        this.clock = clock;
        this.mailer = mailer;
        this.sessionsByCode = new Recent<>(clock, Duration.ofSeconds(5), 10_000);
        this.sessionsByEvent = new Recent<>(clock, Duration.ofSeconds(5), 10_000);
        this.peopleByToken = new Recent<>(clock, Duration.ofMinutes(10), 200_000);
    }

    // Sessions and joining

    /** Opens the event for joining (idempotent) and returns its code and settings. */
    public LiveSession openSession(long eventId) {
        return sessionsByEvent.get(eventId, id -> Optional.of(participants.ensureSession(id, clock.instant()))).orElseThrow();
    }

    public Optional<LiveSession> session(long eventId) {
        return sessionsByEvent.get(eventId, participants::session);
    }

    /** The session for a code as typed or read aloud, or a message saying what to check. */
    public LiveSession sessionByCode(String typed) {
        String code = JoinCodes.normalise(typed);
        if (code == null) throw Invalid.field("code", "Enter the 6-character code, like KX4 M7P");
        return sessionsByCode.get(code, participants::sessionByCode)
                .orElseThrow(() -> Invalid.field("code", "There is no conversation with that code. Check it and try again"));
    }

    /** The session for an exact stored code. */
    Optional<LiveSession> sessionByCodeIfAny(String code) {
        return sessionsByCode.get(code, participants::sessionByCode);
    }

    public void updateSession(long eventId, LiveSession.Anonymity anonymity, int silenceSeconds) {
        if (silenceSeconds < 5 || silenceSeconds > 300) {
            throw Invalid.field("silenceSeconds", "Silence must be between 5 and 300 seconds");
        }
        LiveSession before = openSession(eventId);
        participants.updateSession(eventId, anonymity, silenceSeconds);
        sessionsByEvent.forget(eventId);
        sessionsByCode.forget(before.joinCode());
    }

    /** What someone joining gives about themselves. */
    public record Walkin(String name, String role, String organisation, String sector) {}

    /** A participant who has joined, and the secret that proves it (cookie or API token). */
    public record Joined(Participant participant, String token) {}

    /** A walk-in joins with a name, role and organisation. */
    public Joined joinAsWalkin(long eventId, Walkin w) {
        String name = strip(w.name());
        String role = strip(w.role());
        String org = strip(w.organisation());
        String sector = strip(w.sector());
        var problems = new java.util.LinkedHashMap<String, String>();
        if (name.isEmpty()) problems.put("name", "Enter your name");
        else if (name.length() > 100) problems.put("name", "Name must be 100 characters or fewer");
        if (role.length() > 150) problems.put("role", "Role must be 150 characters or fewer");
        if (org.length() > 200) problems.put("organisation", "Organisation must be 200 characters or fewer");
        if (!sector.isEmpty() && !List.of("health", "social_care", "both", "other").contains(sector)) {
            problems.put("sector", "Choose a sector from the list");
        }
        if (!problems.isEmpty()) throw new Invalid(problems);
        return join(eventId, null, name, role, org, sector, null);
    }

    /**
     * Joins from a registration's personal link. The same registration is always the same
     * participant; each device that opens the link gets its own token, so a laptop and a phone
     * can both follow.
     */
    public Joined joinFromRegistration(long eventId, long registrationId, String name, String role, String organisation,
            String sector, String email) {
        Optional<Participant> existing = participants.byRegistration(eventId, registrationId);
        if (existing.isPresent()) {
            String token = "cp_" + app.cairn.account.Tokens.newSecret();
            participants.addDevice(existing.get().id(), app.cairn.account.Tokens.hash(token), clock.instant());
            return new Joined(existing.get(), token);
        }
        return join(eventId, registrationId, name, role, organisation, sector, email);
    }

    private Joined join(long eventId, Long registrationId, String name, String role, String org, String sector,
            String email) {
        openSession(eventId);
        String token = "cp_" + app.cairn.account.Tokens.newSecret();
        String hash = app.cairn.account.Tokens.hash(token);
        java.time.Instant now = clock.instant();
        // The person's row and their "joined" entry are written in one transaction with the rest of the batch.
        Entry joined = await(sequencer.appendNewcomer(eventId, new Contribution.Joined(sector),
                h -> participants.insert(h, eventId, hash, registrationId, name, role, org, sector, email, now)));
        Participant p = new Participant(joined.participantId(), eventId, registrationId, name, role, org, sector, email);
        peopleByToken.put(hash, p);
        return new Joined(p, token);
    }

    /** The participant a token belongs to. */
    public Optional<Participant> participant(String token) {
        if (token == null || !token.startsWith("cp_") || token.length() > 100) return Optional.empty();
        return peopleByToken.get(app.cairn.account.Tokens.hash(token), participants::byTokenHash);
    }

    public Optional<Participant> participant(long id) {
        return participants.byId(id);
    }

    public List<Participant> participants(long eventId) {
        return participants.forEvent(eventId);
    }

    public LivePlan plan(long eventId) {
        return plans.plan(eventId).orElseThrow(() -> new NotFound("There is no such conversation."));
    }

    /** The event's live state (read it under {@code state.lock.readLock()}). */
    public LiveState state(long eventId) {
        return sequencer.state(eventId);
    }

    /**
     * Something said at the event that may be read again: a chat message, a question or a reflection
     * that is neither hidden nor withdrawn, or a person's latest answer to an open-text poll (such as
     * "What did you value?"). {@code kind} is "message", "question", "reflection" or "answer";
     * {@code segmentId} is the segment running when a message was sent; {@code promptKey} is the
     * reflection prompt's or the poll's key. An answer has {@code seq} 0: a later one replaces it.
     */
    public record Said(long seq, String kind, Long participantId, Long accountId, Long segmentId, String promptKey,
            String text) {}

    /** What was said at the event, hidden and withdrawn contributions left out, as of log entry {@code seq}. */
    public record Transcript(long seq, List<Said> said, java.util.Map<String, String> prompts,
            java.util.Map<String, String> openQuestions) {}

    /**
     * The event's visible messages, questions, reflections and breakout notes in log order, and the
     * open-text poll answers (for synthesis and the pack).
     */
    public Transcript transcript(long eventId) {
        LiveState s = sequencer.state(eventId);
        s.lock.readLock().lock();
        try {
            List<Said> out = new ArrayList<>();
            for (LiveState.Message m : s.messages.values()) {
                if (!m.visible()) continue;
                out.add(new Said(m.seq, m.question ? "question" : "message", m.participantId, m.accountId, m.segmentId,
                        null, m.text));
            }
            for (LiveState.Reflection r : s.reflections.values()) {
                if (r.visible()) out.add(new Said(r.seq, "reflection", r.participantId, null, null, r.promptKey, r.text));
            }
            // Breakout notes, as last edited, grouped by the round of rooms they were written in.
            for (RoomsState.Round round : s.rooms.rounds()) {
                for (RoomsState.Room room : round.rooms()) {
                    for (RoomsState.Note n : room.notes()) {
                        out.add(new Said(n.seq(), "note", n.participantId(), n.accountId(), round.segmentId,
                                "round-" + round.seq, n.text()));
                    }
                }
            }
            out.sort(java.util.Comparator.comparingLong(Said::seq));
            var prompts = new java.util.LinkedHashMap<String, String>();
            s.prompts.values().forEach(p -> prompts.put(p.key(), p.text()));
            var openQuestions = new java.util.LinkedHashMap<String, String>();
            for (LiveState.Poll poll : s.polls.values()) {
                if (poll.kind != PollKind.open_text) continue;
                openQuestions.put(poll.key, poll.question);
                poll.votes.forEach((participant, vote) -> {
                    if (vote.text() != null && !vote.text().isBlank()) {
                        out.add(new Said(0, "answer", participant, null, null, poll.key, vote.text()));
                    }
                });
            }
            return new Transcript(s.appliedSeq, List.copyOf(out), prompts, openQuestions);
        } finally {
            s.lock.readLock().unlock();
        }
    }

    /**
     * The event's log in order, for features that read what happened (themes, the pack, archives).
     * It holds everything, hidden and withdrawn entries too, with the {@link Contribution.Moderation}
     * entries that hide them: readers must honour those.
     */
    public List<Entry> log(long eventId) {
        List<Entry> entries = new ArrayList<>();
        sequencer.read(eventId, 0, entries::add);
        return entries;
    }

    /** Streams the log after {@code afterSeq} without holding it all in memory. */
    public void readLog(long eventId, long afterSeq, java.util.function.Consumer<Entry> each) {
        sequencer.read(eventId, afterSeq, each);
    }

    // Run of show (facilitators)

    /**
     * Starts a segment. {@code expectedCurrent} is the segment the facilitator's console showed as
     * running; if another facilitator moved on meanwhile, the action is refused with the state as it is.
     */
    public Entry startSegment(long eventId, long accountId, long segmentId, Long expectedCurrent, boolean skipping) {
        LivePlan plan = plan(eventId);
        LivePlan.Segment segment = plan.segment(segmentId)
                .orElseThrow(() -> Invalid.field("segment", "That segment is not in this conversation's agenda"));
        return append(eventId, new Contribution.SegmentStarted(segmentId, segment.minutes(), skipping),
                Author.organiser(accountId), null, s -> {
                    if (!java.util.Objects.equals(s.segmentId, expectedCurrent)) {
                        return "Another facilitator has already moved the conversation on to "
                                + currentTitle(plan, s) + ". Your console now shows where things are.";
                    }
                    return null;
                });
    }

    public Entry extendSegment(long eventId, long accountId, int minutes, Long expectedCurrent) {
        if (minutes < 1 || minutes > 60) throw Invalid.field("minutes", "Add between 1 and 60 minutes");
        if (expectedCurrent == null) throw Invalid.field("minutes", "Start a segment before extending it");
        return append(eventId, new Contribution.SegmentExtended(expectedCurrent, minutes), Author.organiser(accountId),
                null, s -> java.util.Objects.equals(s.segmentId, expectedCurrent)
                        ? null
                        : "The segment you were extending has already ended. Your console now shows where things are.");
    }

    public Entry startSilence(long eventId, long accountId, int seconds) {
        if (seconds < 5 || seconds > 300) throw Invalid.field("seconds", "Silence must be between 5 and 300 seconds");
        return append(eventId, new Contribution.SilenceStarted(seconds), Author.organiser(accountId), null, Check.NONE);
    }

    public Entry announce(long eventId, long accountId, String text) {
        String t = requireText(text, "text", "Enter a message for everyone", 280);
        return append(eventId, new Contribution.Announcement(t), Author.organiser(accountId), null, Check.NONE);
    }

    public Entry endSession(long eventId, long accountId) {
        return append(eventId, new Contribution.SessionEnded(), Author.organiser(accountId), null,
                s -> s.ended ? "The conversation has already ended." : null);
    }

    // Polls

    /** Opens a poll from the agenda, or an ad-hoc one when {@code adHoc} is given. */
    public Entry openPoll(long eventId, long accountId, String pollKey, LivePlan.PlannedPoll adHoc, boolean showResults) {
        LivePlan.PlannedPoll poll = adHoc != null ? adHoc : plan(eventId).poll(pollKey)
                .orElseThrow(() -> Invalid.field("poll", "That poll is not in this conversation's agenda"));
        validatePoll(poll);
        return append(eventId, new Contribution.PollOpened(poll.key(), poll.question(), poll.kind(), poll.options(),
                showResults), Author.organiser(accountId), null, s -> {
                    LiveState.Poll existing = s.poll(poll.key());
                    return existing != null && existing.open ? "That poll is already open." : null;
                });
    }

    static void validatePoll(LivePlan.PlannedPoll poll) {
        var problems = new java.util.LinkedHashMap<String, String>();
        if (poll.question() == null || poll.question().isBlank()) problems.put("question", "Enter the poll's question");
        else if (poll.question().length() > 300) problems.put("question", "Question must be 300 characters or fewer");
        boolean choices = poll.kind() == PollKind.single_choice || poll.kind() == PollKind.multiple_choice;
        if (choices && (poll.options() == null || poll.options().size() < 2)) {
            problems.put("options", "Give at least two options to choose from");
        } else if (choices && poll.options().size() > 12) {
            problems.put("options", "Give at most 12 options");
        } else if (choices && poll.options().stream().anyMatch(o -> o == null || o.isBlank() || o.length() > 120)) {
            problems.put("options", "Each option needs some text, up to 120 characters");
        }
        if (!problems.isEmpty()) throw new Invalid(problems);
    }

    public Entry closePoll(long eventId, long accountId, String pollKey) {
        return append(eventId, new Contribution.PollClosed(pollKey), Author.organiser(accountId), null, s -> {
            LiveState.Poll p = s.poll(pollKey);
            if (p == null) return "That poll has not been opened.";
            return p.open ? null : "That poll is already closed.";
        });
    }

    public Entry showResults(long eventId, long accountId, String pollKey, boolean shown) {
        return append(eventId, new Contribution.PollResultsShown(pollKey, shown), Author.organiser(accountId), null,
                s -> s.poll(pollKey) == null ? "That poll has not been opened." : null);
    }

    /** A participant's answer to a poll: option numbers (from 0), a rating 1-5, or text. */
    public record Ballot(List<Integer> choices, Integer rating, String text) {}

    public Entry vote(Participant p, String pollKey, Ballot ballot, String clientKey) {
        String text = ballot.text() == null ? null : ballot.text().strip();
        Contribution.Vote vote = new Contribution.Vote(pollKey,
                ballot.choices() == null ? List.of() : List.copyOf(ballot.choices()), ballot.rating(), text);
        return append(p.eventId(), vote, Author.participant(p.id()), clientKey, s -> {
            LiveState.Poll poll = s.poll(pollKey);
            if (poll == null) return "That poll is not open.";
            if (!poll.open) return "This poll has closed, so your answer was not counted.";
            return ballotProblem(poll, vote);
        });
    }

    static String ballotProblem(LiveState.Poll poll, Contribution.Vote v) {
        switch (poll.kind) {
            case single_choice -> {
                if (v.choices().size() != 1) return "Choose one option.";
            }
            case multiple_choice -> {
                if (v.choices().isEmpty()) return "Choose at least one option.";
                if (v.choices().stream().distinct().count() != v.choices().size()) return "Choose each option once.";
            }
            case rating -> {
                if (v.rating() == null || v.rating() < 1 || v.rating() > 5) return "Choose a score from 1 to 5.";
                return null;
            }
            case word_cloud -> {
                if (v.text() == null || v.text().isBlank()) return "Enter a word or two.";
                if (v.text().length() > 60) return "Keep it to a few words (60 characters or fewer).";
                return null;
            }
            case open_text -> {
                if (v.text() == null || v.text().isBlank()) return "Enter your answer.";
                if (v.text().length() > MAX_MESSAGE) return "Answers must be " + MAX_MESSAGE + " characters or fewer.";
                return null;
            }
            default -> {
                return "Unknown kind of poll.";
            }
        }
        for (int choice : v.choices()) {
            if (choice < 0 || choice >= poll.options.size()) return "That option is not in this poll.";
        }
        return null;
    }

    // Chat and questions

    public Entry post(Participant p, String text, boolean question, boolean anonymous, String clientKey) {
        LiveSession session = openSession(p.eventId());
        String t = requireText(text, "text", question ? "Enter your question" : "Enter a message", MAX_MESSAGE);
        boolean anon = switch (session.anonymity()) {
            case names -> false;
            case optional -> anonymous;
            case anonymous -> true;
        };
        return append(p.eventId(), new Contribution.Message(t, question, anon), Author.participant(p.id()), clientKey,
                s -> s.ended ? "The conversation has ended, so the chat is closed." : null);
    }

    /** A message from an organiser (facilitator or host) to everyone. */
    public Entry postAsOrganiser(long eventId, long accountId, String text) {
        String t = requireText(text, "text", "Enter a message", MAX_MESSAGE);
        return append(eventId, new Contribution.Message(t, false, false), Author.organiser(accountId), null, Check.NONE);
    }

    public Entry upvote(Participant p, long questionSeq) {
        return append(p.eventId(), new Contribution.Upvote(questionSeq), Author.participant(p.id()),
                "upvote-" + p.id() + "-" + questionSeq, s -> {
                    LiveState.Message q = s.message(questionSeq);
                    if (q == null || !q.question || !q.visible()) return "That question is no longer there.";
                    if (java.util.Objects.equals(q.participantId, p.id())) return "You cannot support your own question.";
                    return null;
                });
    }

    /** Records how a question was answered; a recording time stamp looks like 48:40 or 1:02:15. */
    public Entry answer(long eventId, long accountId, long questionSeq, Answer answer, String recordingAt) {
        String at = recordingAt == null ? null : recordingAt.strip();
        if (answer == Answer.recording) {
            if (at == null || at.isEmpty()) throw Invalid.field("recordingAt", "Enter the time in the recording, like 48:40");
            if (!RECORDING_AT.matcher(at).matches()) {
                throw Invalid.field("recordingAt", "Enter the time in the recording as minutes and seconds, like 48:40, or hours, minutes and seconds, like 1:02:15");
            }
        } else {
            at = null;
        }
        String stamp = at;
        Long[] asker = new Long[1];
        String[] text = new String[1];
        Entry entry = append(eventId, new Contribution.AnswerStatus(questionSeq, answer, stamp),
                Author.organiser(accountId), null, s -> {
                    LiveState.Message q = s.message(questionSeq);
                    if (q == null || !q.question) return "That question is no longer there.";
                    asker[0] = q.participantId;
                    text[0] = q.text;
                    return null;
                });
        if (answer == Answer.recording && asker[0] != null) tellAsker(eventId, asker[0], text[0], stamp);
        return entry;
    }

    /** Emails the person who asked (when we know their address) where the answer is in the recording. */
    private void tellAsker(long eventId, long participantId, String question, String at) {
        Optional<Participant> p = participants.byId(participantId);
        if (p.isEmpty() || p.get().email() == null || p.get().email().isBlank()) return;
        LivePlan plan = plan(eventId);
        String where = plan.recordingUrl().isBlank()
                ? "The recording will be shared with everyone who took part."
                : "Watch it here: " + plan.recordingUrl();
        mailer.send(new app.cairn.mail.Mail(p.get().email(), "Your question was answered: " + plan.title(),
                "Hello " + p.get().name() + ",\n\n"
                        + "Thank you for your question in \u201c" + plan.title() + "\u201d:\n\n"
                        + "  " + question + "\n\n"
                        + "It is answered in the recording at " + at + ". " + where + "\n\n"
                        + "You are getting this email because you asked the question during the conversation.\n"));
    }

    // Reflections

    public Entry openReflection(long eventId, long accountId, String promptKey, String prompt) {
        String text = requireText(prompt, "prompt", "Enter the reflection prompt", 300);
        String key = promptKey == null || promptKey.isBlank() ? "r" + Math.abs(text.hashCode()) : promptKey;
        return append(eventId, new Contribution.ReflectionOpened(key, text), Author.organiser(accountId), null, Check.NONE);
    }

    public Entry reflect(Participant p, String promptKey, String text, boolean anonymous, String clientKey) {
        LiveSession session = openSession(p.eventId());
        String t = requireText(text, "text", "Enter your reflection", MAX_REFLECTION);
        boolean anon = session.anonymity() == LiveSession.Anonymity.anonymous
                || (session.anonymity() == LiveSession.Anonymity.optional && anonymous);
        return append(p.eventId(), new Contribution.Reflection(promptKey, t, anon), Author.participant(p.id()), clientKey,
                s -> s.prompts.containsKey(promptKey) ? null : "That reflection prompt is not open.");
    }

    // Moderation

    public Entry hide(long eventId, long accountId, long targetSeq, String reason) {
        String r = requireText(reason, "reason", "Say why you are hiding it (only organisers see this)", 200);
        return append(eventId, new Contribution.Moderation(targetSeq, ModerationAction.hide, r), Author.organiser(accountId),
                null, s -> s.message(targetSeq) == null && !s.reflections.containsKey(targetSeq)
                        ? "There is nothing to hide there." : null);
    }

    public Entry unhide(long eventId, long accountId, long targetSeq) {
        return append(eventId, new Contribution.Moderation(targetSeq, ModerationAction.unhide, null),
                Author.organiser(accountId), null, Check.NONE);
    }

    /** A participant takes back their own message, question or reflection. */
    public Entry withdraw(Participant p, long targetSeq) {
        return append(p.eventId(), new Contribution.Moderation(targetSeq, ModerationAction.withdraw, null),
                Author.participant(p.id()), null, s -> {
                    LiveState.Message m = s.message(targetSeq);
                    LiveState.Reflection r = s.reflections.get(targetSeq);
                    Long owner = m != null ? m.participantId : r != null ? r.participantId : null;
                    return java.util.Objects.equals(owner, p.id()) ? null : "You can only withdraw what you wrote.";
                });
    }

    /**
     * Records a contribution that happened earlier, with its time, without the live checks: for
     * events brought in from other tools and for the demo. Returns the committed entry.
     */
    public Entry record(long eventId, Contribution c, Long participantId, Long accountId, java.time.Instant at,
            String clientKey) {
        openSession(eventId);
        return await(sequencer.append(eventId, c, new Author(participantId, accountId), clientKey, Check.NONE, at));
    }

    /**
     * Records a person who took part earlier, joined at {@code at}, for events brought in from other
     * tools and for the demo. The same registration is always the same participant.
     */
    public Participant recordParticipant(long eventId, Long registrationId, String name, String role,
            String organisation, String sector, String email, java.time.Instant at) {
        if (registrationId != null) {
            Optional<Participant> existing = participants.byRegistration(eventId, registrationId);
            if (existing.isPresent()) return existing.get();
        }
        openSession(eventId);
        // No device may follow with this token: it is never handed out.
        String unusable = "cp_" + app.cairn.account.Tokens.newSecret();
        long id = participants.insert(eventId, app.cairn.account.Tokens.hash(unusable), registrationId, name, role,
                organisation, sector, email, at);
        record(eventId, new Contribution.Joined(sector), id, null, at, null);
        return participants.byId(id).orElseThrow();
    }

    // For features that add their own kinds to the log (breakout rooms)

    /** Appends a contribution after {@code check} passes against the live state; returns once it is durable. */
    public Entry contribute(long eventId, Contribution c, Author author, String clientKey, Check check) {
        return append(eventId, c, author, clientKey, check);
    }

    /** The session for a code as it appears in a web address, if there is one. */
    public Optional<LiveSession> sessionForCode(String code) {
        String normal = JoinCodes.normalise(code);
        return normal == null ? Optional.empty() : participants.sessionByCode(normal);
    }

    /** The name of the cookie that holds a participant's token for a conversation. */
    public static String participantCookie(String joinCode) {
        return StreamHandler.cookieName(joinCode);
    }

    // Plumbing

    private Entry append(long eventId, Contribution c, Author author, String clientKey, Check check) {
        return await(sequencer.append(eventId, c, author, clientKey, check));
    }

    private static Entry await(java.util.concurrent.CompletableFuture<Entry> future) {
        try {
            return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Sequencer.Refused r) throw r;
            throw new IllegalStateException("append failed", e.getCause());
        } catch (TimeoutException e) {
            // It may still be saved: the page sends it again with the same client key, which saves it once.
            throw new Sequencer.Unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Sequencer.Refused("Cairn is restarting. Try again in a moment.");
        }
    }

    private static String currentTitle(LivePlan plan, LiveState s) {
        if (s.ended) return "the end";
        if (s.segmentId == null) return "the start";
        return plan.segment(s.segmentId).map(LivePlan.Segment::title).map(t -> "\u201c" + t + "\u201d").orElse("another segment");
    }

    private static String requireText(String text, String field, String missing, int max) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) throw Invalid.field(field, missing);
        if (t.codePointCount(0, t.length()) > max) {
            throw Invalid.field(field, "Keep it to " + max + " characters or fewer (it is "
                    + t.codePointCount(0, t.length()) + " now)");
        }
        return t;
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
