package jixiao.check;

import jixiao.content.Content;
import jixiao.content.HtmlComments;
import jixiao.content.Problems;
import jixiao.content.Project;
import jixiao.content.Year;
import jixiao.diagnostic.Finding;
import jixiao.diagnostic.SourcePosition;
import jixiao.diagnostic.Visible;
import jixiao.parallel.Parallel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the texts of the public edition ({@link PublicTexts}) must not say by accident:
 * <ul>
 * <li>{@code html-comment} (info): an HTML comment in Markdown is an editor's note and is published nowhere;
 *     {@code html-comment-unclosed} (warning) when it has no {@code -->} and hides what follows it;</li>
 * <li>{@code contact-phone-in-text} (error): a contact's telephone number, however typed ({@link Phones}),
 *     which would publish what the contact fields keep internal;</li>
 * <li>{@code contact-name-in-text} (warning): a contact's name. A name may be meant (a signature, an
 *     official named on purpose) and a short one may be part of another word, so it is published as written
 *     unless the editor changes it; {@code --strict} stops the build on it.</li>
 * </ul>
 * Text inside an HTML comment is not published, so a number or name there is not reported. With
 * {@code public.show_contacts: true} contacts are public anyway and only comments are reported.
 */
final class PublicTextChecks {

    private PublicTextChecks() {
    }

    /**
     * @param source the text of a file by its display path, or null when it cannot be had; used to find the
     *               line and column of a finding inside a YAML value, which is else reported at the value
     */
    static void check(Content content, Function<String, String> source, boolean parallel, Problems out, CheckMemo memo) {
        Contacts contacts = Contacts.of(content);
        // A project's findings depend on its own texts and file, and on every contact of the content.
        List<Object> everyContact = contactInputs(content);
        memo.prepare(List.of(everyContact));
        List<Supplier<List<Finding>>> parts = new ArrayList<>();
        for (PublicTexts.Part part : PublicTexts.parts(content)) {
            Supplier<List<Finding>> scan = () -> {
                List<Finding> local = new ArrayList<>();
                for (PublicTexts.Text t : part.texts().get()) local.addAll(check(t, contacts, source));
                return local;
            };
            Project p = part.project();
            parts.add(p == null ? scan : () -> memo.findings("public-texts " + CheckResult.key(p), List.of(everyContact, p), List.of(p.file()), scan));
        }
        Function<Supplier<List<Finding>>, List<Finding>> run = Supplier::get;
        List<List<Finding>> found = parallel ? Parallel.map(parts, 4, run) : parts.stream().map(run).toList();
        for (List<Finding> local : found) local.forEach(out::report);
    }

    /** What {@link Contacts#of} reads: whether contacts are shown, and every project's contact in order (nulls too). */
    private static List<Object> contactInputs(Content content) {
        List<Object> contacts = new ArrayList<>();
        for (Year y : content.years()) y.projects().forEach(p -> contacts.add(p.contact()));
        return Arrays.asList(content.site().showContacts(), contacts);
    }

    /** The findings in one project's texts, as {@link #check(Content, Function, boolean, Problems, CheckMemo)} gives them. */
    static List<Finding> check(Project project, Content content, Function<String, String> source) {
        Contacts contacts = Contacts.reused(content);
        List<Finding> found = new ArrayList<>();
        for (PublicTexts.Text t : PublicTexts.of(project)) found.addAll(check(t, contacts, source));
        return found;
    }

    private static List<Finding> check(PublicTexts.Text t, Contacts contacts, Function<String, String> source) {
        List<Finding> found = new ArrayList<>();
        List<HtmlComments.Comment> comments = t.markdown() ? HtmlComments.in(t.text()) : List.of();
        for (HtmlComments.Comment c : comments) {
            SourcePosition at = locate(t, c.start(), c.end(), source);
            if (c.closed()) {
                found.add(Finding.info("html-comment", at, "HTML 注释不会出现在网站上（内部版和公开版都不显示）：可以在这里给自己留备注；"
                        + "要让读者看到，请去掉“<!--”和“-->”。"));
            } else {
                found.add(Finding.warning("html-comment-unclosed", at, "HTML 注释没有结束（缺少“-->”）：从这里起的文字都不会出现在网站上；"
                        + "请在备注末尾补上“-->”。"));
            }
        }
        List<ReaderText.Passage> read = t.markdown() ? ReaderText.ofMarkdown(t.text(), t.start())
                : List.of(new ReaderText.Passage(ReaderText.ofPlain(t.text()), t.start(), List.of()));
        // CommonMark takes "<!--" for a comment only where a comment can start; elsewhere it is shown as typed.
        if (read.stream().anyMatch(p -> p.literals().stream().anyMatch(l -> l.contains("<!--")))) {
            int stray = t.text().indexOf("<!--");
            while (stray >= 0 && inside(comments, stray)) stray = t.text().indexOf("<!--", stray + 1);
            if (stray >= 0) {
                found.add(Finding.warning("html-comment-unclosed", locate(t, stray, stray + 4, source),
                        "这里的“<!--”没有被当作 HTML 注释（缺少“-->”，或写在了行中间）：它和后面的文字会原样出现在网站上。"
                                + "要留备注，请写成完整的“<!-- 备注 -->”；要显示这几个字符，可写成 `<!--`。"));
            }
        }
        if (t.file() && t.text().codePoints().anyMatch(Visible::inText)) { // values: Fields warns at the value
            found.add(Finding.warning("invisible-character", t.start(), "这段 Markdown 中有看不见的字符（"
                    + String.join("、", t.text().codePoints().filter(Visible::inText).distinct().limit(5).mapToObj(Visible::name).toList())
                    + "）：页面上看不出它们，却会让文字显示得与实际不同，或让查找、比对出错。请删除这些字符。"));
        }
        if (contacts.isEmpty()) return found;
        Set<Contacts.Contact> phoneFound = new HashSet<>();
        for (Phones.Run run : Phones.runs(t.text())) {
            if (inside(comments, run.start())) continue;
            Contacts.Contact c = contacts.byPhone(run.digits());
            if (c == null) continue;
            phoneFound.add(c);
            String typed = t.text().substring(run.start(), run.end());
            found.add(Finding.error("contact-phone-in-text", locate(t, run.start(), run.end(), source),
                    "这段文字会公开发布，却写有" + (c.name().isEmpty() ? "填报人" : "填报人“" + c.name() + "”") + "的联系电话“" + typed
                            + "”：联系电话只在内部版显示，请删去，或改写为对外公开的单位电话。"));
        }
        // The same number typed in pieces (577**6425**, &#53;776425, a zero-width space between digits) reads
        // whole on the page: look at the text as read too.
        for (ReaderText.Passage block : read) {
            for (Phones.Run run : Phones.runs(block.text())) {
                Contacts.Contact c = contacts.byPhone(run.digits());
                if (c == null || !phoneFound.add(c)) continue;
                found.add(Finding.error("contact-phone-in-text", block.at(),
                        "这段文字会公开发布，读者在页面上会看到" + (c.name().isEmpty() ? "填报人" : "填报人“" + c.name() + "”") + "的联系电话“"
                                + block.text().substring(run.start(), run.end()) + "”（原文用格式标记、字符实体或看不见的字符拆开了它）："
                                + "联系电话只在内部版显示，请删去，或改写为对外公开的单位电话。"));
            }
        }
        for (int[] hit : contacts.names(t.text())) {
            if (inside(comments, hit[0])) continue;
            String name = t.text().substring(hit[0], hit[1]);
            found.add(Finding.warning("contact-name-in-text", locate(t, hit[0], hit[1], source),
                    "这段文字会公开发布，其中写有填报人姓名“" + name + "”：填报人只在内部版显示；"
                            + "若不是有意公开，请删去或改写（如“经办人”）；有意写明的可以保留，公开版照写。"));
        }
        return found;
    }

    private static boolean inside(List<HtmlComments.Comment> comments, int offset) {
        for (HtmlComments.Comment c : comments) if (offset >= c.start() && offset < c.end()) return true;
        return false;
    }

    /**
     * Where the characters {@code [start, end)} of a text were written. In a narrative: counted from its start.
     * In a YAML value: the same characters searched for in the file from the value on (the value is what YAML
     * made of them: block indentation, quotes and escapes differ), else the value itself.
     */
    static SourcePosition locate(PublicTexts.Text t, int start, int end, Function<String, String> source) {
        String text = t.text();
        if (t.file()) return Texts.position(text, start, t.start().file());
        String raw = source.apply(t.start().file());
        if (raw == null) return t.start();
        int lineEnd = text.indexOf('\n', start);
        String needle = text.substring(start, lineEnd < 0 || lineEnd > end ? end : lineEnd);
        if (needle.isEmpty()) return t.start();
        int occurrence = 0;
        for (int i = text.indexOf(needle); i >= 0 && i < start; i = text.indexOf(needle, i + needle.length())) occurrence++;
        int at = offsetOf(raw, t.start().line(), t.start().column());
        if (at < 0) return t.start();
        at = raw.indexOf(needle, at);
        for (int k = 0; k < occurrence && at >= 0; k++) at = raw.indexOf(needle, at + needle.length());
        return at < 0 ? t.start() : Texts.position(raw, at, t.start().file());
    }

    /** The offset of a 1-based line and code-point column, or -1. */
    private static int offsetOf(String text, int line, int column) {
        int lineStart = 0;
        for (int l = 1; l < line; l++) {
            int nl = text.indexOf('\n', lineStart);
            if (nl < 0) return -1;
            lineStart = nl + 1;
        }
        try {
            return text.offsetByCodePoints(lineStart, Math.max(0, column - 1));
        } catch (IndexOutOfBoundsException e) {
            return -1;
        }
    }

    /** Every contact of the content (drafts' too), by telephone number and by name; none when contacts are public. */
    private record Contacts(Map<String, Contact> phones, Map<String, Contact> names, Map<Integer, List<String>> namesByFirstTwo, BitSet firstChars) {

        /** A contact: name and telephone as written. */
        record Contact(String name, String phone) {
        }

        /** A name shorter than this is too likely part of an ordinary word. */
        static final int MIN_NAME = 2;

        /** The index {@link #reused} gave last, with what it was made from. */
        private record Made(boolean shown, List<jixiao.content.Contact> from, Contacts contacts) {
        }

        private static final AtomicReference<Made> LAST = new AtomicReference<>();

        /**
         * {@link #of} of the content, the same index as last time when the content has the same contacts: serve checks
         * a saved project's texts against every contact of the content, which a save does not change (else it checks
         * everything again), and making the index of 10,000 contacts was a sixth of a save's time. A cache only: what
         * it gives is what {@link #of} gives.
         */
        static Contacts reused(Content content) {
            List<jixiao.content.Contact> from = new ArrayList<>();
            for (Year y : content.years()) y.projects().forEach(p -> from.add(p.contact()));
            boolean shown = content.site().showContacts();
            Made last = LAST.get();
            if (last != null && last.shown() == shown && last.from().equals(from)) return last.contacts();
            Contacts made = of(content);
            LAST.set(new Made(shown, from, made));
            return made;
        }

        static Contacts of(Content content) {
            Map<String, Contact> phones = new HashMap<>();
            Map<String, Contact> names = new HashMap<>();
            if (content.site().showContacts()) return new Contacts(phones, names, Map.of(), new BitSet());
            for (Year y : content.years()) {
                y.projects().forEach(p -> {
                    if (p.contact() == null) return;
                    String name = p.contact().name() == null ? "" : p.contact().name().strip();
                    String phone = p.contact().phone() == null ? "" : p.contact().phone();
                    Contact c = new Contact(name, phone);
                    for (String key : Phones.keys(Phones.digits(phone))) phones.putIfAbsent(key, c);
                    if (name.codePointCount(0, name.length()) >= MIN_NAME) {
                        names.putIfAbsent(name, c);
                    }
                });
            }
            // Looked up by the two characters a text has at each place (a name has at least two), longest name first:
            // a text is read once, with no substring made per place and length. By the first character alone, a
            // common surname's list held hundreds of names to try at each of its places (at 10,000 projects that
            // was a tenth of a check's time); a bit per first character skips most places without a map lookup.
            Map<Integer, List<String>> byFirstTwo = new HashMap<>();
            BitSet firstChars = new BitSet(1 << 16);
            for (String name : names.keySet()) {
                byFirstTwo.computeIfAbsent(firstTwo(name, 0), k -> new ArrayList<>()).add(name);
                firstChars.set(name.charAt(0));
            }
            byFirstTwo.values().forEach(list -> list.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder())));
            return new Contacts(phones, names, byFirstTwo, firstChars);
        }

        private static int firstTwo(String text, int at) {
            return text.charAt(at) << 16 | text.charAt(at + 1);
        }

        boolean isEmpty() {
            return phones.isEmpty() && names.isEmpty();
        }

        Contact byPhone(String digits) {
            for (String key : Phones.keys(digits)) {
                Contact c = phones.get(key);
                if (c != null) return c;
            }
            return null;
        }

        /** Where contacts' names occur in a text, longest name first at each place, not overlapping. */
        List<int[]> names(String text) {
            List<int[]> hits = new ArrayList<>();
            if (names.isEmpty()) return hits;
            int i = 0;
            while (i < text.length()) {
                int found = 0;
                List<String> candidates = i + 1 < text.length() && firstChars.get(text.charAt(i))
                        ? namesByFirstTwo.getOrDefault(firstTwo(text, i), List.of()) : List.of();
                for (String name : candidates) {
                    if (text.startsWith(name, i) && standsAlone(text, i, i + name.length())) {
                        found = name.length();
                        break;
                    }
                }
                if (found > 0) {
                    hits.add(new int[]{i, i + found});
                    i += found;
                } else {
                    i++;
                }
            }
            return hits;
        }

        /** A Latin name must not be part of a longer word (Ann in Annual); CJK text has no spaces to tell. */
        private static boolean standsAlone(String text, int start, int end) {
            boolean latinBefore = start > 0 && isLatin(text.charAt(start - 1)) && isLatin(text.charAt(start));
            boolean latinAfter = end < text.length() && isLatin(text.charAt(end)) && isLatin(text.charAt(end - 1));
            return !latinBefore && !latinAfter;
        }

        private static boolean isLatin(char c) {
            return c < 0x2E80 && Character.isLetterOrDigit(c);
        }
    }
}
