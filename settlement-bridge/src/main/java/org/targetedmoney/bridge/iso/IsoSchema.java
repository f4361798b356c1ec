package org.targetedmoney.bridge.iso;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The official ISO 20022 schemas the bridge validates its own output against (copied from Maven Central into the
 * classpath at build time, see the module's pom).
 *
 * <p>Each {@link Schema} is compiled once, on first use, and is thread-safe; a {@link Validator} is not, so each
 * validation makes its own.
 */
enum IsoSchema {
    PAIN_001_001_09("/iso20022/pain.001.001.09.xsd"),
    PAIN_002_001_10("/iso20022/pain.002.001.10.xsd"),
    PAIN_008_001_08("/iso20022/pain.008.001.08.xsd");

    private final String resource;
    private volatile Schema schema;

    IsoSchema(String resource) {
        this.resource = resource;
    }

    /** The first schema error in {@code xml} ("line L, column C: message"), or empty if it is valid. */
    Optional<String> firstError(byte[] xml) {
        Validator validator = schema().newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
            return Optional.empty();
        } catch (SAXParseException e) {
            return Optional.of("line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + e.getMessage());
        } catch (SAXException e) {
            return Optional.of(e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException("reading an in-memory document cannot fail", e);
        }
    }

    /** Throws if {@code xml} is not valid: the bridge's own output breaking the schema is a bug, not a refusal. */
    void requireValid(byte[] xml, String what) {
        firstError(xml).ifPresent(error -> {
            throw new IllegalStateException(what + " is not valid against " + resource + " (a bug): " + error);
        });
    }

    private Schema schema() {
        Schema loaded = schema;
        if (loaded == null) {
            synchronized (this) {
                loaded = schema;
                if (loaded == null) {
                    loaded = load();
                    schema = loaded;
                }
            }
        }
        return loaded;
    }

    private Schema load() {
        URL url = IsoSchema.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("schema " + resource + " is not on the classpath (the build copies it)");
        }
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(url);
        } catch (SAXException e) {
            throw new IllegalStateException("schema " + resource + " does not compile", e);
        }
    }
}
