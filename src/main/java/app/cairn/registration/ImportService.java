package app.cairn.registration;

import app.cairn.common.Invalid;
import app.cairn.common.NotFound;
import app.cairn.registration.Registration.Status;
import app.cairn.registration.RegistrationService.Managed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Importing registrations from a CSV or XLSX file in three steps: upload (the file is read and
 * kept, nothing registered), preview with a column mapping (guessed, then confirmed or changed
 * by the organiser), and confirm (good rows go in; bad, cancelled and duplicate rows are reported).
 */
public final class ImportService {
    private static final Logger log = LoggerFactory.getLogger(ImportService.class);
    private final RegistrationService registrations;
    private final ImportStore store;

    public ImportService(RegistrationService registrations) {
        this.registrations = registrations;
        this.store = new ImportStore(registrations.store().jdbi());
    }

    /** Reads and keeps an uploaded file. A file Cairn cannot read is refused here with a message on the "file" field. */
    public long upload(long accountId, long eventId, String filename, byte[] content) {
        registrations.manage(accountId, eventId);
        if (content == null || content.length == 0) {
            throw Invalid.field("file", filename == null || filename.isBlank() ? "Choose a CSV or XLSX file to import"
                    : "The file is empty. Choose a CSV or XLSX file with a header row and one row per person.");
        }
        Sheet sheet;
        try {
            sheet = SheetReader.read(content, filename);
        } catch (Sheet.Problem p) {
            throw Invalid.field("file", p.getMessage());
        }
        store.deleteOlderThan(registrations.now().minus(Duration.ofDays(1)));
        String name = filename == null || filename.isBlank() ? "upload" : filename.length() > 200 ? filename.substring(0, 200) : filename;
        long id = store.insert(eventId, accountId, name, sheet, registrations.now());
        log.info("import uploaded id={} event={} rows={} columns={}", id, eventId, sheet.rows().size(), sheet.headers().size());
        return id;
    }

    /** An upload with the mapping in use and what importing it would do. */
    public record Preview(long id, String filename, Sheet sheet, List<String> mapping, List<Question> questions,
            ImportPlan plan) {}

    /** Previews an upload with the given mapping (one code per column), or the guessed one when null. */
    public Preview preview(long accountId, long eventId, long importId, List<String> mapping) {
        Managed m = registrations.manage(accountId, eventId);
        ImportStore.Upload upload = upload(accountId, eventId, importId);
        List<Question> questions = registrations.questions(accountId, eventId);
        List<String> used = mapping == null ? ColumnMatcher.match(upload.sheet().headers(), questions)
                : checkMapping(mapping, upload.sheet(), questions);
        Set<String> registered = registrations.store().byEvent(eventId).stream()
                .filter(r -> r.status() != Status.CANCELLED)
                .map(r -> r.email().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        ImportPlan plan = ImportPlan.of(upload.sheet(), used, questions, registered, m.community().name());
        return new Preview(importId, upload.filename(), upload.sheet(), used, questions, plan);
    }

    private static List<String> checkMapping(List<String> mapping, Sheet sheet, List<Question> questions) {
        List<String> out = new ArrayList<>();
        Set<String> questionCodes = questions.stream().map(Question::field).collect(Collectors.toSet());
        for (int i = 0; i < sheet.headers().size(); i++) {
            String code = i < mapping.size() && mapping.get(i) != null ? mapping.get(i).strip() : "";
            boolean known = ColumnMatcher.Field.ofCode(code).isPresent() || questionCodes.contains(code);
            if (!known) code = "";
            if (!code.isEmpty() && out.contains(code)) {
                throw Invalid.field("column-" + i, "Two columns are set to the same thing. Choose it for one column only");
            }
            out.add(code);
        }
        boolean hasName = out.contains("name") || out.contains("first_name") || out.contains("last_name");
        if (!out.contains("email")) throw Invalid.field("column-0", "Choose which column holds email addresses");
        if (!hasName) throw Invalid.field("column-0", "Choose which column holds names (or first and last names)");
        return out;
    }

    /** What an import did. */
    public record Result(int added, int updated, int merged, int skipped, List<ImportPlan.Bad> bad) {}

    /** Imports the good rows of an upload with the confirmed mapping, then forgets the upload. */
    public Result commit(long accountId, long eventId, long importId, List<String> mapping, boolean sendEmails) {
        Managed m = registrations.manage(accountId, eventId);
        Preview p = preview(accountId, eventId, importId, mapping);
        int added = 0;
        int updated = 0;
        List<ImportPlan.Bad> bad = new ArrayList<>(p.plan().bad());
        for (ImportPlan.Person person : p.plan().people()) {
            try {
                var outcome = registrations.importRow(m, person.input());
                if (outcome.updated()) updated++;
                else added++;
                if (sendEmails && !outcome.updated()) registrations.notifyImported(m, outcome);
            } catch (Invalid e) {
                bad.add(new ImportPlan.Bad(person.row(), String.join("; ", e.fields().values())));
            }
        }
        store.delete(importId);
        log.info("import saved id={} event={} added={} updated={} bad={}", importId, eventId, added, updated, bad.size());
        return new Result(added, updated, p.plan().merged().size(), p.plan().skipped().size(), bad);
    }

    private ImportStore.Upload upload(long accountId, long eventId, long importId) {
        return store.byId(importId)
                .filter(u -> u.eventId() == eventId && u.accountId() == accountId)
                .orElseThrow(() -> new NotFound("This import has finished or is more than a day old. Upload the file again."));
    }

    /** The choices for each column on the mapping page: the standard fields, then the event's questions. */
    public static List<app.cairn.web.Option> fieldOptions(List<Question> questions) {
        List<app.cairn.web.Option> out = new ArrayList<>();
        for (ColumnMatcher.Field f : ColumnMatcher.Field.values()) out.add(new app.cairn.web.Option(f.code(), f.label()));
        for (Question q : questions) out.add(new app.cairn.web.Option(q.field(), "Question: " + q.label()));
        return out;
    }
}
