package dev.gwellbridge.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small YAML reader for the add-on's own files ({@code config.yaml}, {@code translations/en.yaml},
 * {@code repository.yaml}): block maps and lists, list items that start a map, plain, quoted and
 * folded/literal block scalars, {@code #} comments, and flow lists of scalars. Scalars stay text;
 * an empty value is {@code null}. Anything outside that subset fails loudly rather than being
 * misread.
 */
final class MiniYaml {
    private record Line(int number, int indent, String text) {}

    private final List<Line> lines = new ArrayList<>();
    private final List<String> raw;
    private int pos;

    private MiniYaml(String text) {
        raw = text.lines().toList();
        for (int i = 0; i < raw.size(); i++) {
            String l = raw.get(i);
            if (l.indexOf('\t') >= 0 && l.indexOf('\t') <= indentOf(l)) {
                throw new IllegalArgumentException("line " + (i + 1) + ": tab in indentation");
            }
            String content = stripComment(l).stripTrailing();
            if (!content.isBlank()) {
                lines.add(new Line(i + 1, indentOf(l), content.strip()));
            }
        }
    }

    /** Parses a document into maps ({@link LinkedHashMap}), lists and strings. */
    static Object parse(String text) {
        MiniYaml y = new MiniYaml(text);
        if (y.lines.isEmpty()) {
            return null;
        }
        Object root = y.block(y.lines.get(0).indent());
        if (y.pos < y.lines.size()) {
            Line l = y.lines.get(y.pos);
            throw new IllegalArgumentException("line " + l.number() + ": unexpected indentation");
        }
        return root;
    }

    /** A parsed document's top-level map. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> parseMap(String text) {
        return (Map<String, Object>) parse(text);
    }

    private Object block(int indent) {
        Line first = lines.get(pos);
        return isItem(first.text()) ? list(indent) : map(indent);
    }

    private Map<String, Object> map(int indent) {
        Map<String, Object> out = new LinkedHashMap<>();
        while (pos < lines.size()
                && lines.get(pos).indent() == indent
                && !isItem(lines.get(pos).text())) {
            Line l = lines.get(pos);
            int colon = keyEnd(l.text());
            if (colon < 0) {
                throw new IllegalArgumentException("line " + l.number() + ": expected 'key: value'");
            }
            String key = unquote(l.text().substring(0, colon).strip());
            String rest = l.text().substring(colon + 1).strip();
            pos++;
            if (out.containsKey(key)) {
                throw new IllegalArgumentException("line " + l.number() + ": duplicate key " + key);
            }
            out.put(key, value(rest, indent, l));
        }
        return out;
    }

    private List<Object> list(int indent) {
        List<Object> out = new ArrayList<>();
        while (pos < lines.size()
                && lines.get(pos).indent() == indent
                && isItem(lines.get(pos).text())) {
            Line l = lines.get(pos);
            String rest = l.text().substring(1).strip();
            if (rest.isEmpty()) {
                pos++;
                out.add(nested(indent, l));
            } else if (!isQuoted(rest) && keyEnd(rest) > 0) {
                // "- key: value" starts a map whose keys line up with "key".
                int inner = indent + l.text().indexOf(rest);
                lines.set(pos, new Line(l.number(), inner, rest));
                out.add(map(inner));
            } else {
                pos++;
                out.add(scalar(rest));
            }
        }
        return out;
    }

    private Object value(String rest, int indent, Line at) {
        if (rest.isEmpty()) {
            return nested(indent, at);
        }
        if (rest.startsWith("|") || rest.startsWith(">")) {
            return blockScalar(rest, indent, at);
        }
        return scalar(rest);
    }

    /** The block below a key or item with nothing after its colon or dash; null when there is none. */
    private Object nested(int indent, Line at) {
        if (pos >= lines.size()) {
            return null;
        }
        Line next = lines.get(pos);
        if (next.indent() > indent) {
            return block(next.indent());
        }
        if (next.indent() == indent && isItem(next.text()) && !isItem(at.text())) {
            return list(indent);
        }
        return null;
    }

    private String blockScalar(String header, int indent, Line at) {
        boolean folded = header.startsWith(">");
        boolean strip = header.endsWith("-");
        List<String> body = new ArrayList<>();
        int lineIndex = at.number();
        int bodyIndent = -1;
        while (lineIndex < raw.size()) {
            String l = raw.get(lineIndex);
            if (!l.isBlank() && indentOf(l) <= indent) {
                break;
            }
            if (!l.isBlank() && bodyIndent < 0) {
                bodyIndent = indentOf(l);
            }
            body.add(l.isBlank() ? "" : l.substring(Math.min(bodyIndent, indentOf(l))));
            lineIndex++;
        }
        while (pos < lines.size() && lines.get(pos).number() <= lineIndex) {
            pos++;
        }
        while (!body.isEmpty() && body.get(body.size() - 1).isEmpty()) {
            body.remove(body.size() - 1);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < body.size(); i++) {
            String l = body.get(i);
            if (!folded) {
                out.append(i > 0 ? "\n" : "").append(l);
            } else if (l.isEmpty()) {
                out.append('\n');
            } else {
                out.append(i > 0 && !body.get(i - 1).isEmpty() ? " " : "").append(l);
            }
        }
        return strip ? out.toString() : out + "\n";
    }

    private static Object scalar(String s) {
        if (isQuoted(s)) {
            return unquote(s);
        }
        if (s.startsWith("[") && s.endsWith("]")) {
            List<Object> items = new ArrayList<>();
            String inner = s.substring(1, s.length() - 1).strip();
            if (!inner.isEmpty()) {
                for (String part : inner.split(",", -1)) {
                    items.add(scalar(part.strip()));
                }
            }
            return items;
        }
        if (s.equals("{}")) {
            return new LinkedHashMap<String, Object>();
        }
        if (s.startsWith("{") || s.startsWith("&") || s.startsWith("*") || s.startsWith("!")) {
            throw new IllegalArgumentException("unsupported YAML: " + s);
        }
        return s.equals("~") || s.equals("null") ? null : s;
    }

    private static boolean isItem(String text) {
        return text.equals("-") || text.startsWith("- ");
    }

    private static boolean isQuoted(String s) {
        return s.length() >= 2 && ((s.startsWith("\"") && s.endsWith("\"")) || (s.startsWith("'") && s.endsWith("'")));
    }

    private static String unquote(String s) {
        if (!isQuoted(s)) {
            return s;
        }
        String inner = s.substring(1, s.length() - 1);
        if (s.startsWith("'")) {
            return inner.replace("''", "'");
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\\' && i + 1 < inner.length()) {
                char n = inner.charAt(++i);
                out.append(
                        switch (n) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            default -> n;
                        });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Where the key of "key: value" or "key:" ends, or -1; quoted keys may contain colons. */
    private static int keyEnd(String text) {
        int start = 0;
        if (text.startsWith("\"") || text.startsWith("'")) {
            int close = text.indexOf(text.charAt(0), 1);
            if (close < 0) {
                return -1;
            }
            start = close + 1;
        }
        for (int i = start; i < text.length(); i++) {
            if (text.charAt(i) == ':' && (i + 1 == text.length() || text.charAt(i + 1) == ' ')) {
                return i;
            }
        }
        return -1;
    }

    /** Cuts a trailing comment; a quote opens a quoted scalar only at the start of a token. */
    private static String stripComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            char before = i == 0 ? ' ' : line.charAt(i - 1);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if ((c == '\'' || c == '"') && (Character.isWhitespace(before) || before == '[' || before == ',')) {
                quote = c;
            } else if (c == '#' && Character.isWhitespace(before)) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
