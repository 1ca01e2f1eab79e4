package org.gugus.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.junit.jupiter.api.Test;

class WorkbookXmlTests {

    /** A part with what real workbooks hold: prefixes, entities, CDATA, comments, CR LF, characters of 2 to 4 bytes. */
    static final String MESSY = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
            + "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
            + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            + "<!-- written by hand > with a tag-like <c> inside --><x:sheetData>"
            + "<x:row r=\"7\" spans=\"1:3\"><x:c r=\"A7\" t='inlineStr' s=\"2\"><x:is><x:t>Siti &amp; Rudi &lt;P&gt; "
            + "&#xC9;&#233;</x:t></x:is></x:c>"
            + "<x:c r=\"B7\" t=\"str\"><x:f>A1&amp;\"x\"</x:f><x:v><![CDATA[a]]b<c>&amp;]]></x:v></x:c>"
            + "<x:c r=\"C7\"><x:v>42</x:v></x:c><x:c r=\"D7\"/></x:row>\r\n"
            + "<x:row><x:c><x:is><x:r><x:t xml:space=\"preserve\">Jl. Merdeka\r\nNo. 5 </x:t></x:r>"
            + "<x:r><x:t>Kecamatan Sungai Kunjang ½ € 😀</x:t></x:r></x:is></x:c></x:row>"
            + "<?gugus ignored?></x:sheetData><x:mergeCells count=\"1\"><x:mergeCell ref=\"A7:A9\"/></x:mergeCells>"
            + "</x:worksheet>";

    @Test
    void readsWhatTheJdkParserReadsWhereverTheBufferSplitsThePart() throws Exception {
        byte[] part = (MESSY + " ".repeat(3) + MESSY.substring(MESSY.indexOf("<x:worksheet")).replace("x:", "")
                .replace("xmlns:x=", "xmlns=")).getBytes(StandardCharsets.UTF_8);
        String withRoot = "<wrap>" + new String(part, StandardCharsets.UTF_8).replaceFirst("<\\?xml[^>]*>", "")
                + "</wrap>";
        byte[] wrapped = withRoot.getBytes(StandardCharsets.UTF_8);
        List<String> expected = jdkEvents(wrapped);

        for (int size = 64; size <= 300; size++) {
            assertThat(events(new WorkbookXml(new ByteArrayInputStream(wrapped), size))).as("buffer of %d", size)
                    .isEqualTo(expected);
        }
        assertThat(expected).contains("text:Siti & Rudi <P> Éé", "text:a]]b<c>&amp;",
                "text:Jl. Merdeka\nNo. 5 ", "text:Kecamatan Sungai Kunjang ½ € 😀", "start:c r=A7 t=inlineStr s=2");
    }

    @Test
    void readsAPartWrittenInUtf16() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><si><t>Tenggarong 😀</t></si>";
        byte[] utf16 = xml.getBytes(StandardCharsets.UTF_16);

        assertThat(events(new WorkbookXml(new ByteArrayInputStream(utf16), 64))).isEqualTo(jdkEvents(utf16));
    }

    @Test
    void readsAPartDeclaringACodePage() throws Exception {
        byte[] latin = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><t>Bont\u00e1ng</t>"
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThat(events(new WorkbookXml(new ByteArrayInputStream(latin)))).containsExactly("start:t", "text:Bontáng",
                "end:t");
    }

    @Test
    void takesNamespaceDeclarationsForNoAttribute() throws Exception {
        WorkbookXml xml = xml("<c xmlns:r=\"urn:r\" xmlns=\"urn:main\" x:r=\"B2\"/>");
        xml.next();

        assertThat(xml.attribute("r")).isEqualTo("B2");
        assertThat(xml.attribute("xmlns")).isNull();
        assertThat(xml.attribute("t")).isNull();
    }

    @Test
    void refusesADtd() throws Exception {
        WorkbookXml xml = xml("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"boom\">]><x>&e;</x>");

        assertThatExceptionOfType(XmlSafety.DtdRefusedException.class).isThrownBy(() -> drain(xml));
    }

    @Test
    void refusesAnEntityItDoesNotKnow() throws Exception {
        assertThatExceptionOfType(XMLStreamException.class).isThrownBy(() -> drainText(xml("<t>&x;</t>")))
                .withMessageContaining("not declared");
    }

    @Test
    void refusesAnEndTagThatDoesNotMatch() throws Exception {
        assertThatExceptionOfType(XMLStreamException.class).isThrownBy(() -> drain(xml("<row><c></row></c>")));
    }

    @Test
    void refusesAPartThatEndsInsideAnElement() throws Exception {
        assertThatExceptionOfType(XMLStreamException.class)
                .isThrownBy(() -> drain(xml("<worksheet><sheetData><row r=\"1\">")))
                .withMessageContaining("ends inside");
        assertThatExceptionOfType(XMLStreamException.class).isThrownBy(() -> drain(xml("<worksheet><row r=\"1")));
    }

    @Test
    void refusesBytesThatAreNotUtf8AndCharactersXmlDoesNotAllow() throws Exception {
        byte[] latin = "<t>Bont\u00e1ng</t>".getBytes(StandardCharsets.ISO_8859_1);

        assertThatExceptionOfType(XMLStreamException.class)
                .isThrownBy(() -> drainText(new WorkbookXml(new ByteArrayInputStream(latin))));
        assertThatExceptionOfType(XMLStreamException.class).isThrownBy(() -> drainText(xml("<t>a\u0001b</t>")));
        assertThatExceptionOfType(XMLStreamException.class).isThrownBy(() -> drainText(xml("<t>&#0;</t>")));
    }

    @Test
    void refusesATagLongerThanItsLimit() throws Exception {
        String huge = "<c a=\"" + "x".repeat(WorkbookXml.MAX_TAG + 10) + "\"/>";

        assertThatExceptionOfType(XMLStreamException.class).isThrownBy(() -> drain(xml(huge)))
                .withMessageContaining("tag longer");
    }

    @Test
    void givesLongTextInPiecesSoACellLimitHoldsBeforeTheTextIsWhole() throws Exception {
        WorkbookXml xml = new WorkbookXml(
                new ByteArrayInputStream(("<t>" + "é".repeat(5_000) + "</t>").getBytes(StandardCharsets.UTF_8)), 1024);
        xml.next();
        StringBuilder text = new StringBuilder();

        assertThatExceptionOfType(LimitExceededException.class)
                .isThrownBy(() -> xml.appendElementText(text, new RowBuilder(new WorkbookLimits(1_000, 2_000, 10))));
        assertThat(text.length()).isLessThan(2_000);
    }

    private static WorkbookXml xml(String text) throws Exception {
        return new WorkbookXml(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 64);
    }

    private static void drain(WorkbookXml xml) throws Exception {
        while (xml.next() != WorkbookXml.END_OF_PART) {
            // reading to the end
        }
    }

    private static void drainText(WorkbookXml xml) throws Exception {
        StringBuilder text = new StringBuilder();
        for (int event = xml.next(); event != WorkbookXml.END_OF_PART; event = xml.next()) {
            if (event == WorkbookXml.TEXT) {
                xml.appendText(text);
            }
        }
    }

    private static final String[] ATTRIBUTES = { "r", "t", "s", "ref", "spans", "space" };

    /** Start tags with the attributes a reader asks for, end tags, and the text between tags joined. */
    private static List<String> events(WorkbookXml xml) throws Exception {
        List<String> events = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int event = xml.next(); event != WorkbookXml.END_OF_PART; event = xml.next()) {
            if (event == WorkbookXml.TEXT) {
                xml.appendText(text);
                continue;
            }
            flush(text, events);
            StringBuilder tag = new StringBuilder(event == WorkbookXml.START ? "start:" : "end:");
            tag.append(LOCAL_NAMES.stream().filter(xml::isNamed).findFirst().orElse("?"));
            if (event == WorkbookXml.START) {
                for (String name : ATTRIBUTES) {
                    String value = xml.attribute(name);
                    if (value != null) {
                        tag.append(' ').append(name).append('=').append(value);
                    }
                }
            }
            events.add(tag.toString());
        }
        flush(text, events);
        return events;
    }

    private static final List<String> LOCAL_NAMES = List.of("wrap", "worksheet", "sheetData", "row", "c", "is", "t",
            "f", "v", "r", "mergeCells", "mergeCell", "si");

    private static List<String> jdkEvents(byte[] part) throws Exception {
        XMLStreamReader xml = XmlSafety.xmlInput().createXMLStreamReader(new ByteArrayInputStream(part));
        List<String> events = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (xml.hasNext()) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                    text.append(xml.getText());
                case XMLStreamConstants.START_ELEMENT -> {
                    flush(text, events);
                    StringBuilder tag = new StringBuilder("start:").append(xml.getLocalName());
                    for (String name : ATTRIBUTES) {
                        String value = attribute(xml, name);
                        if (value != null) {
                            tag.append(' ').append(name).append('=').append(value);
                        }
                    }
                    events.add(tag.toString());
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    flush(text, events);
                    events.add("end:" + xml.getLocalName());
                }
                default -> {
                    // comments, processing instructions, the document's end
                }
            }
        }
        flush(text, events);
        return events;
    }

    private static String attribute(XMLStreamReader xml, String localName) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            if (xml.getAttributeLocalName(i).equals(localName)) {
                return xml.getAttributeValue(i);
            }
        }
        return null;
    }

    private static void flush(StringBuilder text, List<String> events) {
        if (!text.isEmpty()) {
            events.add("text:" + text);
            text.setLength(0);
        }
    }
}
