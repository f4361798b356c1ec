package org.targetedmoney.bridge.iso;

import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.AmountType4Choice;
import com.prowidesoftware.swift.model.mx.dic.BranchAndFinancialInstitutionIdentification6;
import com.prowidesoftware.swift.model.mx.dic.CashAccount38;
import com.prowidesoftware.swift.model.mx.dic.ChargeBearerType1Code;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import com.prowidesoftware.swift.model.mx.dic.CustomerCreditTransferInitiationV09;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification18;
import com.prowidesoftware.swift.model.mx.dic.GenericFinancialIdentification1;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader85;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification135;
import com.prowidesoftware.swift.model.mx.dic.PaymentIdentification6;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction30;
import com.prowidesoftware.swift.model.mx.dic.PaymentMethod3Code;
import com.prowidesoftware.swift.model.mx.dic.PaymentTypeInformation26;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;
import com.prowidesoftware.swift.model.mx.dic.ServiceLevel8Choice;
import java.util.List;

/**
 * Writes SEPA credit-transfer files: ISO 20022 pain.001.001.09, built with Prowide's model and XML writer.
 *
 * <p>A file is first checked against {@link SepaRules} (refusals come back as values), then built, then validated
 * against the official pain.001.001.09 schema before its bytes are returned: a file the schema rejects is a bug
 * here and throws. SEPA flavour: one payment-information block, PmtMtd TRF, SvcLvl SEPA, ChrgBr SLEV, EUR.
 *
 * <p>Pure (no I/O, no clock): the same {@link PaymentFile} always gives the same bytes. Writing the bytes to disk
 * is {@link IsoFiles#writeAtomically}. Thread-safe.
 */
public final class Pain001Writer {
    /** Most transfers in one file; a 100 000-transfer file takes a few seconds and ~40 MB. */
    public static final int MAX_TRANSFERS_PER_FILE = 100_000;

    /** EPC's value for a debtor agent whose BIC is not given. */
    static final String NOT_PROVIDED = "NOTPROVIDED";

    private Pain001Writer() {
    }

    /** The file as schema-valid pain.001.001.09 bytes, or the SEPA rules it breaks. */
    public static Pain001Result write(PaymentFile file) {
        List<IsoRefusal> refusals = SepaRules.check(file);
        if (!refusals.isEmpty()) {
            return new Pain001Result.Refused(refusals);
        }
        long controlSumCents = SepaRules.controlSumCents(file.transfers()).orElseThrow();
        int count = file.transfers().size();
        CustomerCreditTransferInitiationV09 initiation = initiation(file, count, controlSumCents);
        if (initiation.getPmtInf().get(0).getCdtTrfTxInf().size() != count) {
            throw new IllegalStateException("built " + initiation.getPmtInf().get(0).getCdtTrfTxInf().size()
                    + " transactions for NbOfTxs " + count);
        }
        MxPain00100109 message = new MxPain00100109().setCstmrCdtTrfInitn(initiation);
        byte[] xml = ProwideXml.document(message);
        IsoSchema.PAIN_001_001_09.requireValid(xml, "pain.001 file " + file.messageId());
        return new Pain001Result.Written(xml, count, controlSumCents);
    }

    private static CustomerCreditTransferInitiationV09 initiation(PaymentFile file, int count, long controlSumCents) {
        GroupHeader85 header = new GroupHeader85()
                .setMsgId(file.messageId())
                .setCreDtTm(file.createdAt())
                .setNbOfTxs(Integer.toString(count))
                .setCtrlSum(IsoAmounts.decimal(controlSumCents))
                .setInitgPty(new PartyIdentification135().setNm(file.debtor().name()));
        PaymentInstruction30 instruction = new PaymentInstruction30()
                .setPmtInfId(file.messageId())
                .setPmtMtd(PaymentMethod3Code.TRF)
                .setNbOfTxs(Integer.toString(count))
                .setCtrlSum(IsoAmounts.decimal(controlSumCents))
                .setPmtTpInf(new PaymentTypeInformation26().addSvcLvl(new ServiceLevel8Choice().setCd("SEPA")))
                .setReqdExctnDt(new DateAndDateTime2Choice().setDt(file.requestedExecutionDate()))
                .setDbtr(new PartyIdentification135().setNm(file.debtor().name()))
                .setDbtrAcct(account(file.debtor().iban()))
                .setDbtrAgt(debtorAgent(file.debtor().bic()))
                .setChrgBr(ChargeBearerType1Code.SLEV);
        for (CreditTransfer transfer : file.transfers()) {
            instruction.addCdtTrfTxInf(transaction(transfer));
        }
        return new CustomerCreditTransferInitiationV09().setGrpHdr(header).addPmtInf(instruction);
    }

    private static CreditTransferTransaction34 transaction(CreditTransfer transfer) {
        CreditTransferTransaction34 transaction = new CreditTransferTransaction34()
                .setPmtId(new PaymentIdentification6().setEndToEndId(transfer.endToEndId()))
                .setAmt(new AmountType4Choice().setInstdAmt(new ActiveOrHistoricCurrencyAndAmount()
                        .setValue(IsoAmounts.decimal(transfer.amountCents())).setCcy(IsoAmounts.EUR)))
                .setCdtr(new PartyIdentification135().setNm(transfer.creditorName()))
                .setCdtrAcct(account(transfer.creditorIban()));
        if (transfer.creditorBic() != null) {
            transaction.setCdtrAgt(agent(new FinancialInstitutionIdentification18().setBICFI(transfer.creditorBic())));
        }
        if (transfer.remittance() != null) {
            transaction.setRmtInf(new RemittanceInformation16().addUstrd(transfer.remittance()));
        }
        return transaction;
    }

    private static CashAccount38 account(String iban) {
        return new CashAccount38().setId(new AccountIdentification4Choice().setIBAN(iban));
    }

    private static BranchAndFinancialInstitutionIdentification6 debtorAgent(String bic) {
        FinancialInstitutionIdentification18 id = bic != null
                ? new FinancialInstitutionIdentification18().setBICFI(bic)
                : new FinancialInstitutionIdentification18()
                        .setOthr(new GenericFinancialIdentification1().setId(NOT_PROVIDED));
        return agent(id);
    }

    private static BranchAndFinancialInstitutionIdentification6 agent(FinancialInstitutionIdentification18 id) {
        return new BranchAndFinancialInstitutionIdentification6().setFinInstnId(id);
    }
}
