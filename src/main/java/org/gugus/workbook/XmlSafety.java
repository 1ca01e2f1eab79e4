package org.gugus.workbook;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;

/**
 * How every XML part of a workbook is parsed: no DTDs and no external entities, so a crafted file
 * can neither expand entities into gigabytes nor make the server read its own files. Office
 * software never writes a DTD into a workbook, so a part that has one is refused outright.
 */
final class XmlSafety {

    private XmlSafety() {
    }

    static XMLInputFactory xmlInput() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    static UnreadableFileException dtdRefused(String format, Exception cause) {
        return new UnreadableFileException(
                "Berkas " + format + " memuat deklarasi entitas XML (DTD) yang tidak pernah ditulis oleh Excel atau "
                        + "LibreOffice, sehingga ditolak demi keamanan; buka berkas aslinya, simpan ulang sebagai "
                        + "XLSX, lalu kirim kembali.",
                "The " + format + " file holds XML entity declarations (a DTD), which Excel and LibreOffice never "
                        + "write, and was refused for safety; open the original file, save it again as XLSX and "
                        + "send it again.",
                cause);
    }

    /** A part declared a DTD. */
    static final class DtdRefusedException extends XMLStreamException {

        DtdRefusedException() {
            super("A DTD in a workbook part is refused");
        }
    }
}
