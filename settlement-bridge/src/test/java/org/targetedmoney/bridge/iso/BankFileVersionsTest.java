package org.targetedmoney.bridge.iso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.targetedmoney.bridge.iso.IsoFixtures.utf8;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every supported message version is read the same way: the same document, written in each version's namespace. */
class BankFileVersionsTest {

    static Stream<String> camtNamespaces() {
        return BankFileParser.supportedNamespaces().stream().filter(namespace -> namespace.contains("camt."));
    }

    static Stream<String> pain002Namespaces() {
        return BankFileParser.supportedNamespaces().stream().filter(namespace -> namespace.contains("pain.002"));
    }

    /** A returned transfer: a booked credit entry whose one transaction carries the return reason. */
    private static String camt(String namespace) {
        boolean statement = namespace.contains("camt.053");
        int version = Integer.parseInt(namespace.substring(namespace.length() - 2));
        // Entry status is a bare code up to version 06 and a Cd/Prtry choice from version 07.
        String status = version >= 7 ? "<Sts><Cd>BOOK</Cd></Sts>" : "<Sts>BOOK</Sts>";
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="%s">
                  <%s>
                    <GrpHdr><MsgId>MSG-V</MsgId><CreDtTm>2025-04-02T07:00:00</CreDtTm></GrpHdr>
                    <%s>
                      <Id>R-1</Id><CreDtTm>2025-04-02T07:00:00</CreDtTm>
                      <Acct><Id><IBAN>FR1420041010050500013M02606</IBAN></Id></Acct>
                      <Ntry>
                        <NtryRef>NR-1</NtryRef><Amt Ccy="EUR">87.50</Amt><CdtDbtInd>CRDT</CdtDbtInd>%s
                        <BookgDt><Dt>2025-04-02</Dt></BookgDt>
                        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>ICDT</Cd><SubFmlyCd>RRTN</SubFmlyCd></Fmly></Domn></BkTxCd>
                        <NtryDtls><TxDtls>
                          <Refs><EndToEndId>B7-P40-2025-03</EndToEndId></Refs>
                          <AmtDtls><TxAmt><Amt Ccy="EUR">87.50</Amt></TxAmt></AmtDtls>
                          <RmtInf><Ustrd>Batch 7</Ustrd></RmtInf>
                          <RtrInf><Rsn><Cd>AC04</Cd></Rsn></RtrInf>
                        </TxDtls></NtryDtls>
                      </Ntry>
                    </%s>
                  </%s>
                </Document>
                """.formatted(namespace, statement ? "BkToCstmrStmt" : "BkToCstmrDbtCdtNtfctn",
                statement ? "Stmt" : "Ntfctn", status, statement ? "Stmt" : "Ntfctn",
                statement ? "BkToCstmrStmt" : "BkToCstmrDbtCdtNtfctn");
    }

    @ParameterizedTest
    @MethodSource("camtNamespaces")
    void parse_everySupportedCamtVersion_readsTheReturnedTransfer(String namespace) {
        BankParseResult result = BankFileParser.parse(utf8(camt(namespace)));

        assertThat(result).isInstanceOf(BankParseResult.Notification.class);
        BankNotification notification = ((BankParseResult.Notification) result).notification();
        assertThat(notification.namespace()).isEqualTo(namespace);
        assertThat(notification.kind()).isEqualTo(namespace.contains("camt.053") ? "camt.053" : "camt.054");
        assertThat(notification.messageId()).isEqualTo("MSG-V");
        assertThat(notification.entries()).containsExactly(new BankEntry("FR1420041010050500013M02606", "NR-1", 87_50,
                true, "BOOK", LocalDate.of(2025, 4, 2), "B7-P40-2025-03", "AC04", "Batch 7"));
    }

    @ParameterizedTest
    @MethodSource("pain002Namespaces")
    void parse_everySupportedPain002Version_readsGroupAndTransactionStatuses(String namespace) {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="%s">
                  <CstmrPmtStsRpt>
                    <GrpHdr><MsgId>STS-V</MsgId><CreDtTm>2025-04-01T09:00:00</CreDtTm></GrpHdr>
                    <OrgnlGrpInfAndSts><OrgnlMsgId>BRIDGE-B7-2025-03</OrgnlMsgId>
                      <OrgnlMsgNmId>pain.001.001.09</OrgnlMsgNmId><GrpSts>PART</GrpSts></OrgnlGrpInfAndSts>
                    <OrgnlPmtInfAndSts><OrgnlPmtInfId>BRIDGE-B7-2025-03</OrgnlPmtInfId>
                      <TxInfAndSts><OrgnlEndToEndId>B7-P12-2025-03</OrgnlEndToEndId><TxSts>ACSC</TxSts></TxInfAndSts>
                      <TxInfAndSts><OrgnlEndToEndId>B7-P40-2025-03</OrgnlEndToEndId><TxSts>RJCT</TxSts>
                        <StsRsnInf><Rsn><Cd>AC04</Cd></Rsn></StsRsnInf></TxInfAndSts>
                    </OrgnlPmtInfAndSts>
                  </CstmrPmtStsRpt>
                </Document>
                """.formatted(namespace);

        BankParseResult result = BankFileParser.parse(utf8(xml));

        assertThat(result).isInstanceOf(BankParseResult.Status.class);
        assertThat(((BankParseResult.Status) result).report()).isEqualTo(new StatusReport("STS-V",
                "BRIDGE-B7-2025-03", "PART", List.of(new TransactionStatus("B7-P12-2025-03", "ACSC", null),
                        new TransactionStatus("B7-P40-2025-03", "RJCT", "AC04"))));
    }

    @Test
    void supportedNamespaces_areCamt053And054From02To08AndPain002From03To10() {
        assertThat(camtNamespaces()).hasSize(14);
        assertThat(pain002Namespaces()).hasSize(8);
    }
}
