package org.targetedmoney.bridge.iso;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A first, safe pass over an incoming bank file, before any library maps it: the file must be well-formed XML
 * (else line and column are reported), must not declare a DTD (which shuts out external entities and entity
 * expansion), and its root element's namespace names the message type and version.
 *
 * <p>It also checks that every amount (an {@code Amt} element with a {@code Ccy} attribute) is an XML Schema
 * decimal: the typed mapping that follows (JAXB) silently turns {@code 1,50} or {@code abc} into "no amount".
 */
final class XmlPrecheck {
    /** What the pass found: the root element, the charset of the bytes, and the amounts that are not decimals. */
    record Scanned(String rootNamespace, String rootName, Charset charset, List<IsoRefusal> badAmounts) {
    }

    /** Outcome: {@link Scanned}, or the refusal that stops the file. */
    sealed interface Outcome {
    }

    record Ok(Scanned scanned) implements Outcome {
    }

    record Failed(IsoRefusal refusal) implements Outcome {
    }

    /** xs:decimal's lexical space (surrounding whitespace is collapsed first). */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final String AMOUNT = "Amt";
    private static final String CURRENCY = "Ccy";

    private XmlPrecheck() {
    }

    private static XMLInputFactory safeFactory() {
        // The JDK's own StAX implementation, whatever else is on the classpath, so these settings mean what they say;
        // one per scan, since a factory is not specified to be thread-safe.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory;
    }

    /** Reads the whole document once; refuses malformed XML, any DTD, and a document without a root element. */
    static Outcome scan(byte[] bytes) {
        XMLStreamReader reader = null;
        try {
            reader = safeFactory().createXMLStreamReader(new ByteArrayInputStream(bytes));
            Charset charset = charset(reader.getCharacterEncodingScheme(), reader.getEncoding());
            String rootNamespace = null;
            String rootName = null;
            List<IsoRefusal> badAmounts = new ArrayList<>();
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                    return failed(IsoRefusal.DTD_NOT_ALLOWED, "a DTD or entity reference at "
                            + at(reader.getLocation()) + ": bank files must not declare a DTD");
                }
                if (event == XMLStreamConstants.START_ELEMENT && rootName == null) {
                    rootNamespace = reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
                    rootName = reader.getLocalName();
                } else if (event == XMLStreamConstants.START_ELEMENT && isAmount(reader)) {
                    amount(reader, badAmounts);
                }
            }
            if (rootName == null) {
                return failed(IsoRefusal.MALFORMED_XML, "the file has no root element");
            }
            return new Ok(new Scanned(rootNamespace, rootName, charset, List.copyOf(badAmounts)));
        } catch (XMLStreamException e) {
            return failed(IsoRefusal.MALFORMED_XML, "not well-formed XML at " + at(e.getLocation()) + ": "
                    + firstLine(e.getMessage()));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return failed(IsoRefusal.MALFORMED_XML, "unsupported character encoding: " + e.getMessage());
        } finally {
            close(reader);
        }
    }

    private static boolean isAmount(XMLStreamReader reader) {
        return AMOUNT.equals(reader.getLocalName()) && reader.getAttributeValue(null, CURRENCY) != null;
    }

    /** Reads the amount's text (the reader moves to its end tag) and refuses it if it is not a decimal. */
    private static void amount(XMLStreamReader reader, List<IsoRefusal> refusals) throws XMLStreamException {
        String position = at(reader.getLocation());
        String text = reader.getElementText().strip();
        if (!DECIMAL.matcher(text).matches()) {
            refusals.add(new IsoRefusal(IsoRefusal.INVALID_AMOUNT, "Amt", "amount " + SepaRules.quote(text)
                    + " at " + position + " is not a decimal number"));
        }
    }

    private static Charset charset(String declared, String detected) {
        String name = declared != null ? declared : detected;
        return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
    }

    private static Outcome failed(String code, String message) {
        return new Failed(new IsoRefusal(code, "Document", message));
    }

    private static String at(Location location) {
        return location == null
                ? "an unknown position"
                : "line " + location.getLineNumber() + ", column " + location.getColumnNumber();
    }

    /** The JDK's message repeats the position on a first line; keep the part that says what is wrong. */
    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int cut = message.indexOf("Message: ");
        return cut >= 0 ? message.substring(cut + "Message: ".length()).strip() : message.strip();
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // Nothing held but an in-memory stream.
            }
        }
    }
}
