package org.gugus.workbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.xml.stream.XMLStreamException;

/**
 * The XML of one workbook part, read straight from its bytes as start tags, end tags and pieces of
 * text. A sheet of a million rows holds twenty million cells; the JDK's StAX parser builds strings
 * and attribute tables for each, which made it the larger part of reading an XLSX. Here a tag is
 * looked at where it lies in the buffer, and only the attributes and text asked for are decoded.
 *
 * <p>It knows only what XML means without a DTD, so a crafted part can neither expand entities nor
 * make the server read its own files: a DTD is refused ({@link XmlSafety.DtdRefusedException}), the
 * five predefined entities and character references are the only references, anything else is an
 * error. It checks what the JDK's parser checks on the same parts: tags that match and close before
 * the part ends, characters XML allows, UTF-8 that is valid. A part declared in another encoding
 * (UTF-16, a code page) is decoded first. Text is given in pieces of at most half the buffer, so a
 * cell's limit can be enforced before the cell is held whole; a tag longer than {@value #MAX_TAG}
 * bytes is refused.
 */
final class WorkbookXml {

    static final int START = 1;

    static final int END = 2;

    static final int TEXT = 3;

    static final int END_OF_PART = -1;

    static final int MAX_TAG = 1 << 20;

    private static final int MAX_DEPTH = 10_000;

    private InputStream in;

    private byte[] buf;

    private int pos;

    private int limit;

    private boolean exhausted;

    private int nameStart;

    private int nameEnd;

    private boolean emptyElement;

    private int textStart;

    private int textEnd;

    private boolean textIsCdata;

    private boolean inCdata;

    /** Attributes of the current start tag: local name and value, as pairs of offsets. */
    private int attributeCount;

    private int[] attributeNames = new int[16];

    private int[] attributeValues = new int[16];

    private int valueStart;

    private int valueEnd;

    private byte[][] open = new byte[16][];

    private int[] openLength = new int[16];

    private int depth;

    WorkbookXml(InputStream in) throws IOException, XMLStreamException {
        this(in, 1 << 16);
    }

    /** With a buffer of {@code bufferSize} bytes (small in tests, so pieces split everywhere). */
    WorkbookXml(InputStream in, int bufferSize) throws IOException, XMLStreamException {
        this.in = in;
        this.buf = new byte[Math.max(bufferSize, 64)];
        decodeIfNotUtf8();
    }

    // ---- events

    /** Moves to the next start tag, end tag or piece of text; comments and processing instructions are passed over. */
    int next() throws IOException, XMLStreamException {
        if (emptyElement) {
            emptyElement = false;
            depth--;
            return END;
        }
        while (true) {
            if (inCdata) {
                if (cdataPiece()) {
                    return TEXT;
                }
                continue;
            }
            if (pos >= limit && !fill()) {
                if (depth > 0) {
                    throw new XMLStreamException("The part ends inside <" + openName(depth - 1) + ">");
                }
                return END_OF_PART;
            }
            if (buf[pos] != '<') {
                if (textPiece()) {
                    return TEXT;
                }
                continue;
            }
            int available = available(9);
            byte second = available > 1 ? buf[pos + 1] : 0;
            if (second == '?') {
                skipPast("?>");
            }
            else if (second == '!') {
                if (startsWith("<!--")) {
                    skipPast("-->");
                }
                else if (startsWith("<![CDATA[")) {
                    pos += 9;
                    inCdata = true;
                }
                else if (startsWith("<!DOCTYPE")) {
                    throw new XmlSafety.DtdRefusedException();
                }
                else {
                    throw new XMLStreamException("Markup that is not an element, a comment or CDATA");
                }
            }
            else if (second == '/') {
                return endTag();
            }
            else {
                return startTag();
            }
        }
    }

    /** Whether the current start or end tag has this local name (its prefix, if any, left out). */
    boolean isNamed(String localName) {
        int length = nameEnd - nameStart;
        if (length != localName.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (buf[nameStart + i] != localName.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Appends the current piece of text, decoded. */
    void appendText(StringBuilder into) throws XMLStreamException {
        decode(textStart, textEnd, !textIsCdata, into);
    }

    /**
     * Appends the text of the current element (on its start tag) up to its end tag, failing once
     * {@code into} passes the cell limit of {@code row}; an element inside is a damaged part.
     */
    void appendElementText(StringBuilder into, RowBuilder row) throws IOException, XMLStreamException {
        while (true) {
            switch (next()) {
                case TEXT -> {
                    // A piece is at most half the buffer, so the cell is checked once it is appended.
                    appendText(into);
                    row.checkCell(into.length());
                }
                case END -> {
                    return;
                }
                case START -> throw new XMLStreamException("Element text holds a child element");
                default -> throw new XMLStreamException("The part ends inside an element");
            }
        }
    }

    /** Reads past the end tag of the current element (on its start tag), whatever it holds. */
    void skipElement() throws IOException, XMLStreamException {
        int level = 1;
        while (level > 0) {
            int event = next();
            if (event == START) {
                level++;
            }
            else if (event == END) {
                level--;
            }
            else if (event == END_OF_PART) {
                return;
            }
        }
    }

    /**
     * Copies the current piece of text, when it is plain ASCII (no reference, no CR, no OOXML escape
     * underscore, not CDATA), as its bytes are also its characters; false, copying nothing, otherwise.
     */
    boolean copyPlainText(byte[] into, int at) {
        if (textIsCdata) {
            return false;
        }
        for (int i = textStart; i < textEnd; i++) {
            byte b = buf[i];
            if (b < 0x20 && b != '\n' && b != '\t' || b == '&' || b == '_' || b == 0x7F) {
                return false;
            }
        }
        System.arraycopy(buf, textStart, into, at, textEnd - textStart);
        return true;
    }

    /** The bytes of the current piece of text, as written. */
    int textBytes() {
        return textEnd - textStart;
    }

    // ---- attributes of the current start tag

    /** Finds an attribute of the current start tag by its local name; namespace declarations are not attributes. */
    boolean findAttribute(String localName) throws XMLStreamException {
        for (int a = 0; a < 2 * attributeCount; a += 2) {
            if (regionIs(attributeNames[a], attributeNames[a + 1], localName)) {
                valueStart = attributeValues[a];
                valueEnd = attributeValues[a + 1];
                return true;
            }
        }
        return false;
    }

    /** The attribute found last, decoded. */
    String attributeValue() throws XMLStreamException {
        boolean plain = true;
        for (int i = valueStart; i < valueEnd; i++) {
            byte b = buf[i];
            if (b < 0x20 || b == '&') {
                plain = false;
                break;
            }
        }
        if (plain) {
            return new String(buf, valueStart, valueEnd - valueStart, StandardCharsets.ISO_8859_1);
        }
        StringBuilder value = new StringBuilder(valueEnd - valueStart);
        decode(valueStart, valueEnd, true, value);
        // Attribute-value normalisation: white space characters become spaces.
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                value.setCharAt(i, ' ');
            }
        }
        return value.toString();
    }

    /** The attribute's value, or {@code null} if the current start tag has none of that name. */
    String attribute(String localName) throws XMLStreamException {
        return findAttribute(localName) ? attributeValue() : null;
    }

    /** The bytes of the attribute found last, as written (references not decoded). */
    int attributeLength() {
        return valueEnd - valueStart;
    }

    byte attributeByte(int index) {
        return buf[valueStart + index];
    }

    // ---- reading

    private int startTag() throws IOException, XMLStreamException {
        // One pass over the tag finds its name, its attributes and its end; a tag cut by the end of
        // the buffer is passed over again once more bytes are in.
        while (!scanStartTag()) {
            if (!fill()) {
                throw new XMLStreamException("The part ends inside a tag");
            }
        }
        return START;
    }

    /** Reads the start tag at {@code pos}; false, with nothing changed but the attributes, if the buffer ends first. */
    private boolean scanStartTag() throws XMLStreamException {
        int end = limit;
        int i = pos + 1;
        int localFrom = i;
        while (i < end) {
            byte b = buf[i];
            if (b == '>' || b == '/' || isSpace(b)) {
                break;
            }
            if (b == ':') {
                localFrom = i + 1;
            }
            else if (b == '<') {
                throw new XMLStreamException("A '<' inside a tag");
            }
            i++;
        }
        if (i >= end) {
            return false;
        }
        int nameTo = i;
        if (nameTo == pos + 1) {
            throw new XMLStreamException("A tag without a name");
        }
        attributeCount = 0;
        int gt;
        boolean empty;
        while (true) {
            while (i < end && isSpace(buf[i])) {
                i++;
            }
            if (i >= end) {
                return false;
            }
            byte b = buf[i];
            if (b == '>') {
                gt = i;
                empty = false;
                break;
            }
            if (b == '/') {
                if (i + 1 >= end) {
                    return false;
                }
                if (buf[i + 1] != '>') {
                    throw new XMLStreamException("A '/' inside a tag");
                }
                gt = i + 1;
                empty = true;
                break;
            }
            i = attribute(i, end);
            if (i < 0) {
                return false;
            }
        }
        push(pos + 1, nameTo);
        nameStart = localFrom;
        nameEnd = nameTo;
        emptyElement = empty;
        pos = gt + 1;
        return true;
    }

    /** Notes the attribute at {@code i} and gives the index after it, or -1 if the buffer ends first. */
    private int attribute(int i, int end) throws XMLStreamException {
        int nameFrom = i;
        int localFrom = i;
        while (i < end) {
            byte b = buf[i];
            if (b == '=' || isSpace(b)) {
                break;
            }
            if (b == ':') {
                localFrom = i + 1;
            }
            else if (b == '<' || b == '>' || b == '"' || b == '\'') {
                throw new XMLStreamException("An attribute without a value");
            }
            i++;
        }
        int nameTo = i;
        while (i < end && isSpace(buf[i])) {
            i++;
        }
        if (i >= end) {
            return -1;
        }
        if (buf[i] != '=') {
            throw new XMLStreamException("An attribute without a value");
        }
        i++;
        while (i < end && isSpace(buf[i])) {
            i++;
        }
        if (i >= end) {
            return -1;
        }
        byte quote = buf[i];
        if (quote != '"' && quote != '\'') {
            throw new XMLStreamException("An attribute value without quotes");
        }
        int from = ++i;
        while (i < end && buf[i] != quote) {
            i++;
        }
        if (i >= end) {
            return -1;
        }
        boolean declaration = localFrom > nameFrom ? regionIs(nameFrom, localFrom - 1, "xmlns")
                : regionIs(nameFrom, nameTo, "xmlns");
        if (!declaration) {
            int a = 2 * attributeCount;
            if (a == attributeNames.length) {
                attributeNames = Arrays.copyOf(attributeNames, a * 2);
                attributeValues = Arrays.copyOf(attributeValues, a * 2);
            }
            attributeNames[a] = localFrom;
            attributeNames[a + 1] = nameTo;
            attributeValues[a] = from;
            attributeValues[a + 1] = i;
            attributeCount++;
        }
        return i + 1;
    }

    private int endTag() throws IOException, XMLStreamException {
        int gt = tagEnd();
        int from = pos + 2;
        int to = gt;
        while (to > from && isSpace(buf[to - 1])) {
            to--;
        }
        if (depth == 0) {
            throw new XMLStreamException("An end tag without its start tag");
        }
        byte[] name = open[depth - 1];
        int length = openLength[depth - 1];
        if (to - from != length || !sameBytes(from, name, length)) {
            throw new XMLStreamException("The end tag does not match <" + openName(depth - 1) + ">");
        }
        depth--;
        int localFrom = from;
        for (int i = from; i < to; i++) {
            if (buf[i] == ':') {
                localFrom = i + 1;
            }
        }
        nameStart = localFrom;
        nameEnd = to;
        pos = gt + 1;
        return END;
    }

    // Tag names are short: a loop beats the vectorised comparison's set-up.
    private boolean sameBytes(int from, byte[] name, int length) {
        for (int i = 0; i < length; i++) {
            if (buf[from + i] != name[i]) {
                return false;
            }
        }
        return true;
    }

    private void push(int from, int to) throws XMLStreamException {
        if (depth == MAX_DEPTH) {
            throw new XMLStreamException("Elements nested more than " + MAX_DEPTH + " deep");
        }
        if (depth == open.length) {
            open = Arrays.copyOf(open, depth * 2);
            openLength = Arrays.copyOf(openLength, depth * 2);
        }
        int length = to - from;
        if (open[depth] == null || open[depth].length < length) {
            open[depth] = new byte[Math.max(length, 16)];
        }
        byte[] name = open[depth];
        for (int i = 0; i < length; i++) {
            name[i] = buf[from + i];
        }
        openLength[depth] = length;
        depth++;
    }

    private String openName(int index) {
        return new String(open[index], 0, openLength[index], StandardCharsets.UTF_8);
    }

    /** The index of the {@code >} closing the tag at {@code pos}, reading on as needed; quotes may hold a {@code >}. */
    private int tagEnd() throws IOException, XMLStreamException {
        int i = pos + 1;
        byte quote = 0;
        while (true) {
            if (i >= limit) {
                int offset = i - pos;
                if (!fill()) {
                    throw new XMLStreamException("The part ends inside a tag");
                }
                i = pos + offset;
                continue;
            }
            byte b = buf[i];
            if (quote != 0) {
                if (b == quote) {
                    quote = 0;
                }
            }
            else if (b == '"' || b == '\'') {
                quote = b;
            }
            else if (b == '>') {
                return i;
            }
            else if (b == '<') {
                throw new XMLStreamException("A '<' inside a tag");
            }
            i++;
        }
    }

    /** Text up to the next {@code <}; false if there was nothing to give yet. */
    private boolean textPiece() throws IOException, XMLStreamException {
        int i = pos;
        while (i < limit && buf[i] != '<') {
            i++;
        }
        if (i < limit || exhausted) {
            return text(pos, i, false, i);
        }
        if (limit - pos < buf.length / 2) {
            fill();
            return false;
        }
        int cut = safeCut(pos, limit, true);
        return text(pos, cut, false, cut);
    }

    /** CDATA up to its {@code ]]>}; false if there was nothing to give yet. */
    private boolean cdataPiece() throws IOException, XMLStreamException {
        for (int i = pos; i + 2 < limit; i++) {
            if (buf[i] == ']' && buf[i + 1] == ']' && buf[i + 2] == '>') {
                inCdata = false;
                return text(pos, i, true, i + 3);
            }
        }
        if (exhausted) {
            throw new XMLStreamException("The part ends inside CDATA");
        }
        if (limit - pos < buf.length / 2) {
            if (!fill()) {
                throw new XMLStreamException("The part ends inside CDATA");
            }
            return false;
        }
        int cut = safeCut(pos, limit - 2, false);
        return text(pos, cut, true, cut);
    }

    private boolean text(int from, int to, boolean cdata, int next) {
        pos = next;
        if (to == from) {
            return false;
        }
        textStart = from;
        textEnd = to;
        textIsCdata = cdata;
        return true;
    }

    /**
     * Where a piece of text may end before {@code end} without splitting a UTF-8 character, a
     * reference or a CR LF pair.
     */
    private int safeCut(int from, int end, boolean references) {
        int cut = end;
        int lead = cut - 1;
        while (lead > from && lead > cut - 4 && (buf[lead] & 0xC0) == 0x80) {
            lead--;
        }
        if (lead >= from && buf[lead] < 0 && (buf[lead] & 0xC0) != 0x80 && lead + sequenceLength(buf[lead]) > cut) {
            cut = lead;
        }
        if (references) {
            for (int i = cut - 1; i >= from && i >= cut - 12; i--) {
                if (buf[i] == ';') {
                    break;
                }
                if (buf[i] == '&') {
                    cut = i;
                    break;
                }
            }
        }
        if (cut > from && buf[cut - 1] == '\r') {
            cut--;
        }
        return cut;
    }

    private static int sequenceLength(byte lead) {
        int b = lead & 0xFF;
        return b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
    }

    private void skipPast(String terminator) throws IOException, XMLStreamException {
        int n = terminator.length();
        int i = pos + 2;
        while (true) {
            if (i + n > limit) {
                pos = Math.min(i, limit);
                if (!fill()) {
                    throw new XMLStreamException("The part ends inside a comment or processing instruction");
                }
                i = pos;
                continue;
            }
            if (regionIs(i, i + n, terminator)) {
                pos = i + n;
                return;
            }
            i++;
        }
    }

    private boolean startsWith(String text) {
        return limit - pos >= text.length() && regionIs(pos, pos + text.length(), text);
    }

    private boolean regionIs(int from, int to, String text) {
        if (to - from != text.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (buf[from + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** How many bytes are available from {@code pos}, reading until there are {@code wanted} or the part ends. */
    private int available(int wanted) throws IOException, XMLStreamException {
        while (limit - pos < wanted && fill()) {
            // reading on
        }
        return limit - pos;
    }

    /**
     * Moves the unread bytes to the front and reads more; grows the buffer when a tag fills it.
     * False at the end of the part.
     */
    private boolean fill() throws IOException, XMLStreamException {
        if (exhausted) {
            return false;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            if (buf.length >= MAX_TAG) {
                throw new XMLStreamException("A tag longer than " + MAX_TAG + " bytes");
            }
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int read = in.read(buf, limit, buf.length - limit);
        while (read == 0) {
            read = in.read(buf, limit, buf.length - limit);
        }
        if (read < 0) {
            exhausted = true;
            return false;
        }
        limit += read;
        return true;
    }

    // ---- decoding

    private void decode(int from, int to, boolean references, StringBuilder into) throws XMLStreamException {
        int i = from;
        while (i < to) {
            byte b = buf[i];
            if (b >= 0x20 && b != '&') {
                into.append((char) b);
                i++;
            }
            else if (b == '&' && references) {
                i = reference(i, to, into);
            }
            else if (b == '\r') {
                into.append('\n');
                i++;
                if (i < to && buf[i] == '\n') {
                    i++;
                }
            }
            else if (b == '\n' || b == '\t' || b == '&') {
                into.append((char) b);
                i++;
            }
            else if (b < 0) {
                i = utf8(i, to, into);
            }
            else {
                throw new XMLStreamException("A character XML does not allow (0x" + Integer.toHexString(b) + ")");
            }
        }
    }

    private int utf8(int i, int to, StringBuilder into) throws XMLStreamException {
        int b0 = buf[i] & 0xFF;
        int length = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC2 ? 2 : 0;
        if (length == 0 || b0 > 0xF4 || i + length > to) {
            throw invalidUtf8();
        }
        int code = length == 2 ? b0 & 0x1F : length == 3 ? b0 & 0x0F : b0 & 0x07;
        for (int k = 1; k < length; k++) {
            int b = buf[i + k] & 0xFF;
            if ((b & 0xC0) != 0x80) {
                throw invalidUtf8();
            }
            code = code << 6 | (b & 0x3F);
        }
        if ((length == 3 && code < 0x800) || (length == 4 && (code < 0x10000 || code > 0x10FFFF))) {
            throw invalidUtf8();
        }
        appendCodePoint(code, into);
        return i + length;
    }

    private static XMLStreamException invalidUtf8() {
        return new XMLStreamException("Bytes that are not valid UTF-8");
    }

    private int reference(int amp, int to, StringBuilder into) throws XMLStreamException {
        int semicolon = amp + 1;
        while (semicolon < to && buf[semicolon] != ';' && semicolon - amp < 12) {
            semicolon++;
        }
        if (semicolon >= to || buf[semicolon] != ';') {
            throw new XMLStreamException("A '&' that starts no reference");
        }
        if (buf[amp + 1] == '#') {
            boolean hex = amp + 2 < semicolon && buf[amp + 2] == 'x';
            int code = 0;
            int from = amp + (hex ? 3 : 2);
            if (from == semicolon) {
                throw new XMLStreamException("An empty character reference");
            }
            for (int i = from; i < semicolon; i++) {
                int digit = Character.digit(buf[i], hex ? 16 : 10);
                if (digit < 0 || code > 0x10FFFF) {
                    throw new XMLStreamException("A character reference that is not a number");
                }
                code = code * (hex ? 16 : 10) + digit;
            }
            appendCodePoint(code, into);
        }
        else if (regionIs(amp + 1, semicolon, "lt")) {
            into.append('<');
        }
        else if (regionIs(amp + 1, semicolon, "gt")) {
            into.append('>');
        }
        else if (regionIs(amp + 1, semicolon, "amp")) {
            into.append('&');
        }
        else if (regionIs(amp + 1, semicolon, "quot")) {
            into.append('"');
        }
        else if (regionIs(amp + 1, semicolon, "apos")) {
            into.append('\'');
        }
        else {
            // Without a DTD nothing else can be declared: an entity of a hostile part stops here.
            throw new XMLStreamException("The entity \"" + new String(buf, amp + 1, semicolon - amp - 1,
                    StandardCharsets.UTF_8) + "\" is referenced but not declared");
        }
        return semicolon + 1;
    }

    private static void appendCodePoint(int code, StringBuilder into) throws XMLStreamException {
        boolean allowed = code == 0x9 || code == 0xA || code == 0xD || (code >= 0x20 && code <= 0xD7FF)
                || (code >= 0xE000 && code <= 0xFFFD) || (code >= 0x10000 && code <= 0x10FFFF);
        if (!allowed) {
            throw new XMLStreamException("A character XML does not allow (U+" + Integer.toHexString(code) + ")");
        }
        into.appendCodePoint(code);
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\t' || b == '\r';
    }

    // ---- encodings other than UTF-8

    /**
     * Office software writes UTF-8; a part in UTF-16 (by its byte order mark or first bytes) or
     * declaring another encoding is decoded to UTF-8 on the way in.
     */
    private void decodeIfNotUtf8() throws IOException, XMLStreamException {
        available(4);
        int b0 = limit > 0 ? buf[0] & 0xFF : -1;
        int b1 = limit > 1 ? buf[1] & 0xFF : -1;
        Charset charset = null;
        if (b0 == 0xEF && b1 == 0xBB && limit > 2 && (buf[2] & 0xFF) == 0xBF) {
            pos = 3;
        }
        else if ((b0 == 0xFE && b1 == 0xFF) || (b0 == 0 && b1 == '<')) {
            charset = b0 == 0 ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16;
        }
        else if ((b0 == 0xFF && b1 == 0xFE) || (b0 == '<' && b1 == 0)) {
            charset = b0 == '<' ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16;
        }
        else if (startsWith("<?xml")) {
            charset = declaredEncoding();
        }
        if (charset != null) {
            InputStream rest = new SequenceInputStream(new ByteArrayInputStream(Arrays.copyOf(buf, limit)), in);
            in = new Utf8Encoding(new InputStreamReader(rest, charset));
            pos = 0;
            limit = 0;
            exhausted = false;
            available(1);
        }
    }

    private Charset declaredEncoding() throws IOException, XMLStreamException {
        int end = -1;
        while (end < 0) {
            for (int i = pos; i + 1 < limit; i++) {
                if (buf[i] == '?' && buf[i + 1] == '>') {
                    end = i;
                    break;
                }
            }
            if (end < 0 && (limit - pos >= 1024 || !fill())) {
                throw new XMLStreamException("An XML declaration without its end");
            }
        }
        String declaration = new String(buf, pos, end - pos, StandardCharsets.ISO_8859_1);
        int at = declaration.indexOf("encoding");
        if (at < 0) {
            return null;
        }
        int quote = at + 8;
        while (quote < declaration.length() && declaration.charAt(quote) != '"' && declaration.charAt(quote) != '\'') {
            quote++;
        }
        int close = quote < declaration.length() ? declaration.indexOf(declaration.charAt(quote), quote + 1) : -1;
        if (close < 0) {
            throw new XMLStreamException("An XML declaration with a broken encoding");
        }
        String name = declaration.substring(quote + 1, close).strip();
        if (name.equalsIgnoreCase("UTF-8") || name.equalsIgnoreCase("UTF8") || name.equalsIgnoreCase("US-ASCII")
                || name.equalsIgnoreCase("ASCII")) {
            return null;
        }
        try {
            return Charset.forName(name);
        }
        catch (IllegalArgumentException ex) {
            throw new XMLStreamException("An encoding this reader does not know: " + name);
        }
    }

    /** Characters of another encoding, given on as UTF-8 bytes. */
    private static final class Utf8Encoding extends InputStream {

        private final Reader reader;

        private final char[] chars = new char[8192];

        private int carried;

        private byte[] bytes = new byte[0];

        private int next;

        Utf8Encoding(Reader reader) {
            this.reader = reader;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            while (next >= bytes.length) {
                int read = reader.read(chars, carried, chars.length - carried);
                if (read < 0) {
                    if (carried == 0) {
                        return -1;
                    }
                    read = 0;
                }
                int count = carried + read;
                // A pair of surrogates split between two reads is encoded once both halves are here.
                carried = read > 0 && Character.isHighSurrogate(chars[count - 1]) ? 1 : 0;
                bytes = new String(chars, 0, count - carried).getBytes(StandardCharsets.UTF_8);
                next = 0;
                if (carried == 1) {
                    chars[0] = chars[count - 1];
                }
            }
            int n = Math.min(length, bytes.length - next);
            System.arraycopy(bytes, next, into, offset, n);
            next += n;
            return n;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
