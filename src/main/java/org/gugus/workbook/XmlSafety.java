package org.gugus.workbook;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;

/**
 * How every XML part of a workbook is parsed: no DTDs and no external entities, so a crafted file
 * can neither expand entities into gigabytes nor make the server read its own files. Office
 * software never writes a DTD into a workbook, so a part that has one is refused outright. Text
 * is read in the parser's pieces, never as one string of unknown length, so a cell's limit is
 * enforced before the cell is held whole. The StAX factory serves the ODS reader and the XLSX
 * workbook part; the XLSX sheets and shared strings are read by {@link WorkbookXml} under the same rules.
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

    /** A part declared a DTD. */
    static final class DtdRefusedException extends XMLStreamException {

        DtdRefusedException() {
            super("A DTD in a workbook part is refused");
        }
    }
}
