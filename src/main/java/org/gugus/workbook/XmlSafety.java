package org.gugus.workbook;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * How every XML part of a workbook is parsed: no DTDs and no external entities, so a crafted file
 * can neither expand entities into gigabytes nor make the server read its own files. Office
 * software never writes a DTD into a workbook, so a part that has one is refused outright. Text
 * is read in the parser's pieces, never as one string of unknown length, so a cell's limit is
 * enforced before the cell is held whole.
 */
final class XmlSafety {

    private XmlSafety() {
    }

    static XMLInputFactory xmlInput() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        // Long text arrives in pieces of the parser's buffer, so its length can be checked as it grows.
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        return factory;
    }

    /**
     * Appends the text of the current element (the reader is on its start tag) up to its end tag,
     * as {@link XMLStreamReader#getElementText()} would, failing once {@code into} would pass the
     * cell limit of {@code row}.
     */
    static void appendElementText(XMLStreamReader xml, StringBuilder into, RowBuilder row) throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    row.checkCell((long) into.length() + xml.getTextLength());
                    into.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    return;
                }
                case XMLStreamConstants.START_ELEMENT ->
                    throw new XMLStreamException("Element text holds a child element", xml.getLocation());
                case XMLStreamConstants.DTD -> throw new DtdRefusedException();
                default -> {
                    // comments and processing instructions are not text
                }
            }
        }
    }

    /** The text of the current element, within the cell limit of {@code row}. */
    static String elementText(XMLStreamReader xml, RowBuilder row) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        appendElementText(xml, text, row);
        return text.toString();
    }

    /** A part declared a DTD. */
    static final class DtdRefusedException extends XMLStreamException {

        DtdRefusedException() {
            super("A DTD in a workbook part is refused");
        }
    }
}
