package org.targetedmoney.bridge.iso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.targetedmoney.bridge.iso.IsoFixtures.utf8;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BankFileParserTest {
    private static final String CAMT_054_08 = "urn:iso:std:iso:20022:tech:xsd:camt.054.001.08";

    /** A camt.054.001.08 notification for the bridge's account with the given entries. */
    private static String camt054(String entries) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">
                  <BkToCstmrDbtCdtNtfctn>
                    <GrpHdr><MsgId>NTF-2025-04-01-1</MsgId><CreDtTm>2025-04-01T08:00:00+02:00</CreDtTm></GrpHdr>
                    <Ntfctn>
                      <Id>NTF-2025-04-01-1</Id>
                      <Acct><Id><IBAN>FR1420041010050500013M02606</IBAN></Id></Acct>
                      %s
                    </Ntfctn>
                  </BkToCstmrDbtCdtNtfctn>
                </Document>
                """.formatted(entries);
    }

    /** A booked debit entry with one transaction of the given amount element. */
    private static String entry(String amount) {
        return """
                <Ntry>
                  <NtryRef>E-1</NtryRef>%s<CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                  <BookgDt><Dt>2025-04-01</Dt></BookgDt>
                  <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>ICDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                  <NtryDtls><TxDtls><Refs><EndToEndId>B7-P12-2025-03</EndToEndId></Refs></TxDtls></NtryDtls>
                </Ntry>
                """.formatted(amount);
    }

    private static List<IsoRefusal> refusals(String xml) {
        return refusals(utf8(xml));
    }

    private static List<IsoRefusal> refusals(byte[] bytes) {
        BankParseResult result = BankFileParser.parse(bytes);
        assertThat(result).isInstanceOf(BankParseResult.Refused.class);
        return ((BankParseResult.Refused) result).refusals();
    }

    private static BankNotification notification(String xml) {
        BankParseResult result = BankFileParser.parse(utf8(xml));
        assertThat(result).isInstanceOf(BankParseResult.Notification.class);
        return ((BankParseResult.Notification) result).notification();
    }

    private static StatusReport status(String xml) {
        BankParseResult result = BankFileParser.parse(utf8(xml));
        assertThat(result).isInstanceOf(BankParseResult.Status.class);
        return ((BankParseResult.Status) result).report();
    }

    @Test
    void parse_camt054v08_givesEntryWithExactCents() {
        BankNotification notification = notification(camt054(entry("<Amt Ccy=\"EUR\">1234.56</Amt>")));

        assertThat(notification.messageId()).isEqualTo("NTF-2025-04-01-1");
        assertThat(notification.namespace()).isEqualTo(CAMT_054_08);
        assertThat(notification.entries()).singleElement().isEqualTo(new BankEntry("FR1420041010050500013M02606",
                "E-1", 123_456, false, "BOOK", LocalDate.of(2025, 4, 1), "B7-P12-2025-03", null, null));
    }

    @Test
    void parse_amountWithTrailingZeros_isExactCents() {
        assertThat(notification(camt054(entry("<Amt Ccy=\"EUR\">10.500</Amt>"))).entries())
                .extracting(BankEntry::amountCents).containsExactly(1050L);
    }

    @Test
    void parse_malformedXml_isRefusedWithLineAndColumn() {
        String xml = camt054(entry("<Amt Ccy=\"EUR\">1.00</Amt>")).replace("</NtryRef>", "</NtryReff>");

        assertThat(refusals(xml)).singleElement().satisfies(refusal -> {
            assertThat(refusal.code()).isEqualTo(IsoRefusal.MALFORMED_XML);
            assertThat(refusal.message()).contains("line 9, column 24");
        });
    }

    @Test
    void parse_notXmlAtAll_isMalformed() {
        assertThat(refusals("%PDF-1.7 not a bank file")).extracting(IsoRefusal::code)
                .containsExactly(IsoRefusal.MALFORMED_XML);
        assertThat(refusals(new byte[0])).extracting(IsoRefusal::code).containsExactly(IsoRefusal.MALFORMED_XML);
    }

    @Test
    void parse_externalEntityAttempt_isRefusedWithoutReadingTheFile(@TempDir Path directory) throws Exception {
        Path secret = directory.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE Document [<!ENTITY xxe SYSTEM "%s">]>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><BkToCstmrDbtCdtNtfctn>
                <GrpHdr><MsgId>&xxe;</MsgId><CreDtTm>2025-04-01T08:00:00Z</CreDtTm></GrpHdr>
                </BkToCstmrDbtCdtNtfctn></Document>
                """.formatted(secret.toUri());

        assertThat(refusals(xml)).singleElement().satisfies(refusal -> {
            assertThat(refusal.code()).isEqualTo(IsoRefusal.DTD_NOT_ALLOWED);
            assertThat(refusal.message()).doesNotContain("TOP-SECRET");
        });
    }

    @Test
    void parse_entityExpansionBomb_isRefused() {
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">&lol2;</Document>
                """;
        assertThat(refusals(xml)).extracting(IsoRefusal::code).containsExactly(IsoRefusal.DTD_NOT_ALLOWED);
    }

    @Test
    void parse_unsupportedVersion_isRefusedNamingItAndTheSupportedOnes() {
        String xml = camt054(entry("<Amt Ccy=\"EUR\">1.00</Amt>")).replace("camt.054.001.08", "camt.054.001.13");

        assertThat(refusals(xml)).singleElement().satisfies(refusal -> {
            assertThat(refusal.code()).isEqualTo(IsoRefusal.UNSUPPORTED_MESSAGE);
            assertThat(refusal.message()).contains("camt.054.001.13").contains(BankFileParser.supportedNamespaces());
        });
    }

    @Test
    void parse_otherMessageOrNoNamespace_isUnsupported() {
        byte[] pain001 = IsoFixtures.written(IsoFixtures.file(IsoFixtures.NURSE));
        assertThat(refusals(pain001)).extracting(IsoRefusal::code).containsExactly(IsoRefusal.UNSUPPORTED_MESSAGE);
        assertThat(refusals("<Document><BkToCstmrDbtCdtNtfctn/></Document>")).singleElement()
                .satisfies(refusal -> assertThat(refusal.message()).contains("{}Document"));
    }

    @Test
    void parse_rightNamespaceWrongBody_isRefused() {
        String xml = "<Document xmlns=\"" + CAMT_054_08 + "\"><CstmrPmtStsRpt/></Document>";
        assertThat(refusals(xml)).extracting(IsoRefusal::code).containsExactly(IsoRefusal.MALFORMED_XML);
    }

    @Test
    void parse_missingAmount_isMissingFieldWithPath() {
        assertThat(refusals(camt054(entry("")))).singleElement().satisfies(refusal -> {
            assertThat(refusal.code()).isEqualTo(IsoRefusal.MISSING_FIELD);
            assertThat(refusal.field()).isEqualTo("Ntfctn[0]/Ntry[0]/Amt");
        });
    }

    @Test
    void parse_negativeAmount_isInvalid() {
        assertThat(refusals(camt054(entry("<Amt Ccy=\"EUR\">-5.00</Amt>")))).singleElement().satisfies(refusal -> {
            assertThat(refusal.code()).isEqualTo(IsoRefusal.INVALID_AMOUNT);
            assertThat(refusal.message()).contains("-5.00", "negative");
        });
    }

    @Test
    void parse_fractionOfACent_isInvalid() {
        assertThat(refusals(camt054(entry("<Amt Ccy=\"EUR\">5.125</Amt>")))).singleElement().satisfies(refusal -> {
            assertThat(refusal.code()).isEqualTo(IsoRefusal.INVALID_AMOUNT);
            assertThat(refusal.message()).contains("5.125");
        });
    }

    @Test
    void parse_amountOverflowingLongCents_isInvalid() {
        assertThat(refusals(camt054(entry("<Amt Ccy=\"EUR\">92233720368547758.08</Amt>"))))
                .extracting(IsoRefusal::code).containsExactly(IsoRefusal.INVALID_AMOUNT);
    }

    @Test
    void parse_amountThatIsNotADecimal_isInvalidWithItsPosition() {
        assertThat(refusals(camt054(entry("<Amt Ccy=\"EUR\">1,50</Amt>")))).singleElement().satisfies(refusal -> {
            assertThat(refusal.code()).isEqualTo(IsoRefusal.INVALID_AMOUNT);
            assertThat(refusal.message()).contains("'1,50'", "line 9");
        });
    }

    @Test
    void parse_otherCurrency_isUnsupported() {
        assertThat(refusals(camt054(entry("<Amt Ccy=\"USD\">5.00</Amt>")))).singleElement().satisfies(refusal -> {
            assertThat(refusal.code()).isEqualTo(IsoRefusal.UNSUPPORTED_CURRENCY);
            assertThat(refusal.message()).contains("'USD'");
        });
    }

    @Test
    void parse_notificationWithoutEntries_isMissingField() {
        assertThat(refusals(camt054(""))).singleElement().satisfies(refusal -> {
            assertThat(refusal.code()).isEqualTo(IsoRefusal.MISSING_FIELD);
            assertThat(refusal.field()).isEqualTo("Ntfctn/Ntry");
        });
    }

    @Test
    void parse_severalBadEntries_reportsEveryProblemAtOnce() {
        String entries = entry("<Amt Ccy=\"USD\">5.00</Amt>") + entry("<Amt Ccy=\"EUR\">-1</Amt>")
                + entry("<Amt Ccy=\"EUR\">1.00</Amt>").replace("<Sts><Cd>BOOK</Cd></Sts>", "");
        assertThat(refusals(camt054(entries))).extracting(IsoRefusal::code, IsoRefusal::field).containsExactly(
                tuple(IsoRefusal.UNSUPPORTED_CURRENCY, "Ntfctn[0]/Ntry[0]/Amt"),
                tuple(IsoRefusal.INVALID_AMOUNT, "Ntfctn[0]/Ntry[1]/Amt"),
                tuple(IsoRefusal.MISSING_FIELD, "Ntfctn[0]/Ntry[2]/Sts"));
    }

    @Test
    void parse_tooLargeFile_isRefusedBeforeReading() {
        byte[] huge = new byte[BankFileParser.MAX_BANK_FILE_BYTES + 1];
        assertThat(refusals(huge)).extracting(IsoRefusal::code).containsExactly(IsoRefusal.FILE_TOO_LARGE);
    }

    @Test
    void parse_camt054v02_batchEntryGivesOneEntryPerTransactionWithReturn() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02">
                  <BkToCstmrDbtCdtNtfctn>
                    <GrpHdr><MsgId>N02-1</MsgId><CreDtTm>2025-04-02T07:00:00</CreDtTm></GrpHdr>
                    <Ntfctn>
                      <Id>N02-1</Id><CreDtTm>2025-04-02T07:00:00</CreDtTm>
                      <Acct><Id><IBAN>FR1420041010050500013M02606</IBAN></Id></Acct>
                      <Ntry>
                        <Amt Ccy="EUR">30.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
                        <BookgDt><DtTm>2025-04-02T06:30:00</DtTm></BookgDt><AcctSvcrRef>SVC-9</AcctSvcrRef>
                        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>ICDT</Cd><SubFmlyCd>RRTN</SubFmlyCd></Fmly></Domn></BkTxCd>
                        <NtryDtls>
                          <TxDtls>
                            <Refs><EndToEndId>B7-P40-2025-03</EndToEndId></Refs>
                            <AmtDtls><TxAmt><Amt Ccy="EUR">20.00</Amt></TxAmt></AmtDtls>
                            <RmtInf><Ustrd>Batch 7</Ustrd><Ustrd>period 2025-03</Ustrd></RmtInf>
                            <RtrInf><Rsn><Cd>AC04</Cd></Rsn></RtrInf>
                          </TxDtls>
                          <TxDtls>
                            <Refs><EndToEndId>B7-P41-2025-03</EndToEndId></Refs>
                            <AmtDtls><TxAmt><Amt Ccy="EUR">10.00</Amt></TxAmt></AmtDtls>
                            <RtrInf><Rsn><Cd>MD07</Cd></Rsn></RtrInf>
                          </TxDtls>
                        </NtryDtls>
                      </Ntry>
                    </Ntfctn>
                  </BkToCstmrDbtCdtNtfctn>
                </Document>
                """;

        BankNotification notification = notification(xml);

        assertThat(notification.kind()).isEqualTo(BankNotification.CAMT_054);
        assertThat(notification.entries()).extracting(BankEntry::entryReference, BankEntry::endToEndId,
                        BankEntry::amountCents, BankEntry::credit, BankEntry::returnReasonCode, BankEntry::remittance)
                .containsExactly(tuple("SVC-9", "B7-P40-2025-03", 2000L, true, "AC04", "Batch 7 period 2025-03"),
                        tuple("SVC-9", "B7-P41-2025-03", 1000L, true, "MD07", null));
        assertThat(notification.entries()).extracting(BankEntry::bookingDate)
                .containsOnly(LocalDate.of(2025, 4, 2));
    }

    @Test
    void parse_camt053v08_statementEntriesWithAndWithoutDetails() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>STMT-2025-04-01</MsgId><CreDtTm>2025-04-01T23:00:00+02:00</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>STMT-2025-04-01</Id><CreDtTm>2025-04-01T23:00:00+02:00</CreDtTm>
                      <Acct><Id><IBAN>FR1420041010050500013M02606</IBAN></Id></Acct>
                      <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">5000.00</Amt>
                        <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2025-04-01</Dt></Dt></Bal>
                      <Ntry>
                        <NtryRef>S-1</NtryRef><Amt Ccy="EUR">150000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
                        <Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2025-04-01</Dt></BookgDt>
                        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                        <AddtlNtryInf>State credit, earmark 3</AddtlNtryInf>
                      </Ntry>
                      <Ntry>
                        <NtryRef>S-2</NtryRef><Amt Ccy="EUR">87.50</Amt><CdtDbtInd>DBIT</CdtDbtInd>
                        <Sts><Cd>PDNG</Cd></Sts>
                        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>ICDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                        <NtryDtls><TxDtls><Refs><EndToEndId>B7-P40-2025-03</EndToEndId></Refs>
                          <RmtInf><Ustrd>Batch 7</Ustrd></RmtInf></TxDtls></NtryDtls>
                      </Ntry>
                    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """;

        BankNotification statement = notification(xml);

        assertThat(statement.kind()).isEqualTo(BankNotification.CAMT_053);
        assertThat(statement.messageId()).isEqualTo("STMT-2025-04-01");
        assertThat(statement.entries()).containsExactly(
                new BankEntry("FR1420041010050500013M02606", "S-1", 15_000_000, true, "BOOK",
                        LocalDate.of(2025, 4, 1), null, null, null),
                new BankEntry("FR1420041010050500013M02606", "S-2", 87_50, false, "PDNG",
                        null, "B7-P40-2025-03", null, "Batch 7"));
    }

    @Test
    void parse_camt053WithoutEntries_isAnEmptyStatement() {
        String xml = """
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
                <GrpHdr><MsgId>STMT-QUIET</MsgId><CreDtTm>2025-04-05T23:00:00</CreDtTm></GrpHdr>
                <Stmt><Id>1</Id><CreDtTm>2025-04-05T23:00:00</CreDtTm>
                <Acct><Id><IBAN>FR1420041010050500013M02606</IBAN></Id></Acct>
                <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">0.00</Amt>
                <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2025-04-05</Dt></Dt></Bal></Stmt>
                </BkToCstmrStmt></Document>
                """;
        BankNotification statement = notification(xml);
        assertThat(statement.kind()).isEqualTo(BankNotification.CAMT_053);
        assertThat(statement.entries()).isEmpty();
    }

    @Test
    void parse_bookedEntryWithoutBookingDate_isMissingField() {
        String xml = camt054(entry("<Amt Ccy=\"EUR\">1.00</Amt>")
                .replace("<BookgDt><Dt>2025-04-01</Dt></BookgDt>", ""));
        assertThat(refusals(xml)).extracting(IsoRefusal::field).containsExactly("Ntfctn[0]/Ntry[0]/BookgDt");
    }

    @Test
    void parse_pain002v10_groupRejectedWithoutTransactions() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10">
                  <CstmrPmtStsRpt>
                    <GrpHdr><MsgId>STS-77</MsgId><CreDtTm>2025-04-01T09:00:00+02:00</CreDtTm></GrpHdr>
                    <OrgnlGrpInfAndSts>
                      <OrgnlMsgId>BRIDGE-B7-2025-03</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.09</OrgnlMsgNmId>
                      <GrpSts>RJCT</GrpSts><StsRsnInf><Rsn><Cd>DU01</Cd></Rsn></StsRsnInf>
                    </OrgnlGrpInfAndSts>
                  </CstmrPmtStsRpt>
                </Document>
                """;

        StatusReport report = status(xml);

        assertThat(report).isEqualTo(new StatusReport("STS-77", "BRIDGE-B7-2025-03", "RJCT", List.of()));
        assertThat(report.isGroupRejected()).isTrue();
    }

    @Test
    void parse_pain002v03_transactionStatusesInheritTheirInstructionStatus() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03">
                  <CstmrPmtStsRpt>
                    <GrpHdr><MsgId>STS-03</MsgId><CreDtTm>2025-04-01T09:00:00</CreDtTm></GrpHdr>
                    <OrgnlGrpInfAndSts><OrgnlMsgId>BRIDGE-B7-2025-03</OrgnlMsgId>
                      <OrgnlMsgNmId>pain.001.001.03</OrgnlMsgNmId><GrpSts>PART</GrpSts></OrgnlGrpInfAndSts>
                    <OrgnlPmtInfAndSts>
                      <OrgnlPmtInfId>BRIDGE-B7-2025-03</OrgnlPmtInfId><PmtInfSts>ACCP</PmtInfSts>
                      <TxInfAndSts><OrgnlEndToEndId>B7-P12-2025-03</OrgnlEndToEndId></TxInfAndSts>
                      <TxInfAndSts><OrgnlEndToEndId>B7-P40-2025-03</OrgnlEndToEndId><TxSts>RJCT</TxSts>
                        <StsRsnInf><Rsn><Prtry>NOAC</Prtry></Rsn></StsRsnInf></TxInfAndSts>
                    </OrgnlPmtInfAndSts>
                  </CstmrPmtStsRpt>
                </Document>
                """;

        assertThat(status(xml)).isEqualTo(new StatusReport("STS-03", "BRIDGE-B7-2025-03", "PART", List.of(
                new TransactionStatus("B7-P12-2025-03", "ACCP", null),
                new TransactionStatus("B7-P40-2025-03", "RJCT", "NOAC"))));
    }

    @Test
    void parse_pain002WithoutOriginalMessageIdOrTransactionId_isMissingFields() {
        String xml = """
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10"><CstmrPmtStsRpt>
                <GrpHdr><MsgId>STS-1</MsgId><CreDtTm>2025-04-01T09:00:00Z</CreDtTm></GrpHdr>
                <OrgnlPmtInfAndSts><OrgnlPmtInfId>P</OrgnlPmtInfId>
                <TxInfAndSts><TxSts>RJCT</TxSts></TxInfAndSts></OrgnlPmtInfAndSts>
                </CstmrPmtStsRpt></Document>
                """;
        assertThat(refusals(xml)).extracting(IsoRefusal::field).containsExactly("OrgnlGrpInfAndSts/OrgnlMsgId",
                "OrgnlPmtInfAndSts[0]/TxInfAndSts[0]/OrgnlEndToEndId");
    }
}
