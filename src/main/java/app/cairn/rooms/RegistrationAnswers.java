package app.cairn.rooms;

import app.cairn.live.Participant;
import app.cairn.registration.Question;
import app.cairn.registration.Registration;
import app.cairn.registration.RegistrationService;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Participants' answers to a registration question, through the registration feature's service. */
public final class RegistrationAnswers implements RoomsService.Answers {
    private final RegistrationService registrations;

    public RegistrationAnswers(RegistrationService registrations) {
        this.registrations = registrations;
    }

    @Override
    public Map<Long, String> answers(long accountId, long eventId, long questionId, List<Participant> people) {
        if (!questions(accountId, eventId).containsKey(questionId)) {
            throw app.cairn.common.Invalid.field("questionId",
                    "That question is not on this conversation's registration form, or only its organisers can see the answers");
        }
        Map<Long, String> byRegistration = new HashMap<>();
        for (Registration r : registrations.registrations(accountId, eventId)) {
            String a = r.answers().get(questionId);
            if (a != null) byRegistration.put(r.id(), a);
        }
        Map<Long, String> out = new HashMap<>();
        for (Participant p : people) {
            if (p.registrationId() != null && byRegistration.containsKey(p.registrationId())) {
                out.put(p.id(), byRegistration.get(p.registrationId()));
            }
        }
        return out;
    }

    @Override
    public Map<Long, String> questions(long accountId, long eventId) {
        Map<Long, String> out = new LinkedHashMap<>();
        try {
            for (Question q : registrations.questions(accountId, eventId)) out.put(q.id(), q.label());
        } catch (app.cairn.common.Forbidden | app.cairn.common.NotFound e) {
            // Registration answers are for the community's organisers; a facilitator does not see them.
        }
        return out;
    }
}
