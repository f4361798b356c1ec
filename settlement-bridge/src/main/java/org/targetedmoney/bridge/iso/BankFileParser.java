package org.targetedmoney.bridge.iso;

import com.prowidesoftware.swift.model.mx.AbstractMX;
import com.prowidesoftware.swift.model.mx.MxCamt05300102;
import com.prowidesoftware.swift.model.mx.MxCamt05300103;
import com.prowidesoftware.swift.model.mx.MxCamt05300104;
import com.prowidesoftware.swift.model.mx.MxCamt05300105;
import com.prowidesoftware.swift.model.mx.MxCamt05300106;
import com.prowidesoftware.swift.model.mx.MxCamt05300107;
import com.prowidesoftware.swift.model.mx.MxCamt05300108;
import com.prowidesoftware.swift.model.mx.MxCamt05400102;
import com.prowidesoftware.swift.model.mx.MxCamt05400103;
import com.prowidesoftware.swift.model.mx.MxCamt05400104;
import com.prowidesoftware.swift.model.mx.MxCamt05400105;
import com.prowidesoftware.swift.model.mx.MxCamt05400106;
import com.prowidesoftware.swift.model.mx.MxCamt05400107;
import com.prowidesoftware.swift.model.mx.MxCamt05400108;
import com.prowidesoftware.swift.model.mx.MxPain00200103;
import com.prowidesoftware.swift.model.mx.MxPain00200104;
import com.prowidesoftware.swift.model.mx.MxPain00200105;
import com.prowidesoftware.swift.model.mx.MxPain00200106;
import com.prowidesoftware.swift.model.mx.MxPain00200107;
import com.prowidesoftware.swift.model.mx.MxPain00200108;
import com.prowidesoftware.swift.model.mx.MxPain00200109;
import com.prowidesoftware.swift.model.mx.MxPain00200110;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Parses what the bank sends back: camt.054 notifications, camt.053 statements and pain.002 status reports.
 *
 * <p>In order: the size is checked ({@link #MAX_BANK_FILE_BYTES}); a safe first pass refuses malformed XML (with
 * line and column) and any DTD (no external entities, no entity expansion); the root namespace picks the message
 * type and version <em>before</em> any mapping, and an unsupported one is refused naming the supported ones; then
 * Prowide ISO 20022 maps the document to its typed model, and the fields the bridge needs are checked (amounts in
 * exact cents, EUR only). Every problem is a value ({@link BankParseResult.Refused}); a file with any problem is
 * refused whole. Pure and thread-safe.
 */
public final class BankFileParser {
    /** Largest bank file accepted, in bytes (50 MiB: a day's statement of a busy account is a few MB). */
    public static final int MAX_BANK_FILE_BYTES = 50 * 1024 * 1024;

    private static final String ISO_NAMESPACE_PREFIX = "urn:iso:std:iso:20022:tech:xsd:";

    /** The message versions understood, each with how to read it. */
    enum Supported {
        CAMT_053_001_02("camt.053.001.02"),
        CAMT_053_001_03("camt.053.001.03"),
        CAMT_053_001_04("camt.053.001.04"),
        CAMT_053_001_05("camt.053.001.05"),
        CAMT_053_001_06("camt.053.001.06"),
        CAMT_053_001_07("camt.053.001.07"),
        CAMT_053_001_08("camt.053.001.08"),
        CAMT_054_001_02("camt.054.001.02"),
        CAMT_054_001_03("camt.054.001.03"),
        CAMT_054_001_04("camt.054.001.04"),
        CAMT_054_001_05("camt.054.001.05"),
        CAMT_054_001_06("camt.054.001.06"),
        CAMT_054_001_07("camt.054.001.07"),
        CAMT_054_001_08("camt.054.001.08"),
        PAIN_002_001_03("pain.002.001.03"),
        PAIN_002_001_04("pain.002.001.04"),
        PAIN_002_001_05("pain.002.001.05"),
        PAIN_002_001_06("pain.002.001.06"),
        PAIN_002_001_07("pain.002.001.07"),
        PAIN_002_001_08("pain.002.001.08"),
        PAIN_002_001_09("pain.002.001.09"),
        PAIN_002_001_10("pain.002.001.10");

        final String namespace;
        /** camt.053, camt.054 or pain.002. */
        final String kind;

        Supported(String identifier) {
            this.namespace = ISO_NAMESPACE_PREFIX + identifier;
            this.kind = identifier.substring(0, "camt.053".length());
        }

        static Optional<Supported> of(String namespace) {
            return Arrays.stream(values()).filter(type -> type.namespace.equals(namespace)).findFirst();
        }
    }

    private BankFileParser() {
    }

    /** The namespaces of the supported messages, in a stable order. */
    public static List<String> supportedNamespaces() {
        return Arrays.stream(Supported.values()).map(type -> type.namespace).toList();
    }

    /** Parses one bank file. */
    public static BankParseResult parse(byte[] bytes) {
        if (bytes.length > MAX_BANK_FILE_BYTES) {
            return refused(new IsoRefusal(IsoRefusal.FILE_TOO_LARGE, "Document", "the file has " + bytes.length
                    + " bytes, at most " + MAX_BANK_FILE_BYTES + " are accepted"));
        }
        XmlPrecheck.Scanned scanned;
        switch (XmlPrecheck.scan(bytes)) {
            case XmlPrecheck.Failed failed -> {
                return refused(failed.refusal());
            }
            case XmlPrecheck.Ok ok -> scanned = ok.scanned();
        }
        Optional<Supported> type = Supported.of(scanned.rootNamespace());
        if (type.isEmpty() || !AbstractMX.DOCUMENT_LOCALNAME.equals(scanned.rootName())) {
            return refused(new IsoRefusal(IsoRefusal.UNSUPPORTED_MESSAGE, "Document", "root element {"
                    + scanned.rootNamespace() + "}" + scanned.rootName() + " is not a supported message; supported: "
                    + "a Document in one of " + String.join(", ", supportedNamespaces())));
        }
        if (!scanned.badAmounts().isEmpty()) {
            return new BankParseResult.Refused(scanned.badAmounts());
        }
        String xml = new String(bytes, scanned.charset());
        if (!xml.isEmpty() && xml.charAt(0) == '\uFEFF') {
            xml = xml.substring(1);
        }
        return read(type.get(), xml);
    }

    private static BankParseResult read(Supported type, String xml) {
        return switch (type) {
            case CAMT_053_001_02 -> camt(type, "Stmt", xml, MxCamt05300102::parse, CamtReader::statement02);
            case CAMT_053_001_03 -> camt(type, "Stmt", xml, MxCamt05300103::parse, CamtReader::statement03);
            case CAMT_053_001_04 -> camt(type, "Stmt", xml, MxCamt05300104::parse, CamtReader::statement04);
            case CAMT_053_001_05 -> camt(type, "Stmt", xml, MxCamt05300105::parse, CamtReader::statement05);
            case CAMT_053_001_06 -> camt(type, "Stmt", xml, MxCamt05300106::parse, CamtReader::statement06);
            case CAMT_053_001_07 -> camt(type, "Stmt", xml, MxCamt05300107::parse, CamtReader::statement07);
            case CAMT_053_001_08 -> camt(type, "Stmt", xml, MxCamt05300108::parse, CamtReader::statement08);
            case CAMT_054_001_02 -> camt(type, "Ntfctn", xml, MxCamt05400102::parse, CamtReader::notification02);
            case CAMT_054_001_03 -> camt(type, "Ntfctn", xml, MxCamt05400103::parse, CamtReader::notification03);
            case CAMT_054_001_04 -> camt(type, "Ntfctn", xml, MxCamt05400104::parse, CamtReader::notification04);
            case CAMT_054_001_05 -> camt(type, "Ntfctn", xml, MxCamt05400105::parse, CamtReader::notification05);
            case CAMT_054_001_06 -> camt(type, "Ntfctn", xml, MxCamt05400106::parse, CamtReader::notification06);
            case CAMT_054_001_07 -> camt(type, "Ntfctn", xml, MxCamt05400107::parse, CamtReader::notification07);
            case CAMT_054_001_08 -> camt(type, "Ntfctn", xml, MxCamt05400108::parse, CamtReader::notification08);
            case PAIN_002_001_03 -> pain002(type, xml, MxPain00200103::parse, Pain002Reader::version03);
            case PAIN_002_001_04 -> pain002(type, xml, MxPain00200104::parse, Pain002Reader::version04);
            case PAIN_002_001_05 -> pain002(type, xml, MxPain00200105::parse, Pain002Reader::version05);
            case PAIN_002_001_06 -> pain002(type, xml, MxPain00200106::parse, Pain002Reader::version06);
            case PAIN_002_001_07 -> pain002(type, xml, MxPain00200107::parse, Pain002Reader::version07);
            case PAIN_002_001_08 -> pain002(type, xml, MxPain00200108::parse, Pain002Reader::version08);
            case PAIN_002_001_09 -> pain002(type, xml, MxPain00200109::parse, Pain002Reader::version09);
            case PAIN_002_001_10 -> pain002(type, xml, MxPain00200110::parse, Pain002Reader::version10);
        };
    }

    /**
     * Maps a camt document with Prowide, then its fields to entries. {@code container} is the element of one
     * account's report (Stmt or Ntfctn), for the refusals' paths.
     */
    private static <M> BankParseResult camt(Supported type, String container, String xml, Function<String, M> parser,
                                            Function<M, CamtReader.RawMessage> adapter) {
        List<IsoRefusal> refusals = new ArrayList<>();
        CamtReader.RawMessage raw = read(type, xml, parser, adapter, refusals);
        if (raw == null) {
            return new BankParseResult.Refused(refusals);
        }
        if (raw.messageId() == null) {
            refusals.add(CamtReader.missing("GrpHdr/MsgId", "the message has no id"));
        }
        List<BankEntry> entries = CamtReader.entries(container, raw.accounts(), refusals);
        if (entries.isEmpty() && refusals.isEmpty() && BankNotification.CAMT_054.equals(type.kind)) {
            // A statement may show a day without movement; a notification exists to notify one.
            refusals.add(CamtReader.missing(container + "/Ntry", "the notification has no entry"));
        }
        if (!refusals.isEmpty()) {
            return new BankParseResult.Refused(refusals);
        }
        return new BankParseResult.Notification(new BankNotification(raw.messageId(), type.kind, type.namespace,
                entries));
    }

    private static <M> BankParseResult pain002(Supported type, String xml, Function<String, M> parser,
                                               Function<M, Pain002Reader.Raw> adapter) {
        List<IsoRefusal> refusals = new ArrayList<>();
        Pain002Reader.Raw raw = read(type, xml, parser, adapter, refusals);
        if (raw == null) {
            return new BankParseResult.Refused(refusals);
        }
        StatusReport report = Pain002Reader.report(raw, refusals);
        return report == null ? new BankParseResult.Refused(refusals) : new BankParseResult.Status(report);
    }

    /**
     * Maps {@code xml} with Prowide's {@code parser}, then {@code adapter} reads the model; null (with the refusal
     * added) if Prowide cannot map it or the model is empty.
     */
    private static <M, R> R read(Supported type, String xml, Function<String, M> parser, Function<M, R> adapter,
                                 List<IsoRefusal> refusals) {
        try {
            M model = parser.apply(xml);
            R raw = model == null ? null : adapter.apply(model);
            if (raw == null) {
                refusals.add(unreadable(type, null));
            }
            return raw;
        } catch (RuntimeException e) {
            refusals.add(unreadable(type, e));
            return null;
        }
    }

    /** Prowide could not map a well-formed document of a supported namespace (e.g. its body element is missing). */
    private static IsoRefusal unreadable(Supported type, RuntimeException cause) {
        String why = cause == null ? " (no message body)" : ": " + SepaRules.quote(cause.toString());
        return new IsoRefusal(IsoRefusal.MALFORMED_XML, "Document", "the document is well-formed but cannot be read"
                + " as " + type.namespace + why);
    }

    private static BankParseResult refused(IsoRefusal refusal) {
        return new BankParseResult.Refused(List.of(refusal));
    }
}
