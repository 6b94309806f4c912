package app.cairn.pack;

import java.util.List;

/** Where the pack's themes come from: themes grouped by hand in the pack editor, or a curated themes workspace. */
public interface PackThemes {
    List<PackTheme> themes(long eventId);
}
