package org.targetedmoney.bridge.iso;

import com.prowidesoftware.swift.model.mx.MxPain00800108;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.BranchAndFinancialInstitutionIdentification6;
import com.prowidesoftware.swift.model.mx.dic.CashAccount38;
import com.prowidesoftware.swift.model.mx.dic.ChargeBearerType1Code;
import com.prowidesoftware.swift.model.mx.dic.CustomerDirectDebitInitiationV08;
import com.prowidesoftware.swift.model.mx.dic.DirectDebitTransaction10;
import com.prowidesoftware.swift.model.mx.dic.DirectDebitTransactionInformation23;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification18;
import com.prowidesoftware.swift.model.mx.dic.GenericFinancialIdentification1;
import com.prowidesoftware.swift.model.mx.dic.GenericPersonIdentification1;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader83;
import com.prowidesoftware.swift.model.mx.dic.LocalInstrument2Choice;
import com.prowidesoftware.swift.model.mx.dic.MandateRelatedInformation14;
import com.prowidesoftware.swift.model.mx.dic.Party38Choice;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification135;
import com.prowidesoftware.swift.model.mx.dic.PaymentIdentification6;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction29;
import com.prowidesoftware.swift.model.mx.dic.PaymentMethod2Code;
import com.prowidesoftware.swift.model.mx.dic.PaymentTypeInformation29;
import com.prowidesoftware.swift.model.mx.dic.PersonIdentification13;
import com.prowidesoftware.swift.model.mx.dic.PersonIdentificationSchemeName1Choice;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;
import com.prowidesoftware.swift.model.mx.dic.SequenceType3Code;
import com.prowidesoftware.swift.model.mx.dic.ServiceLevel8Choice;
import java.util.List;

/**
 * Writes SEPA direct-debit files: ISO 20022 pain.008.001.08 (the version of the ISO 2019 set the EPC's SDD
 * implementation guidelines follow), built with Prowide's model and XML writer, like {@link Pain001Writer}.
 *
 * <p>A file is first checked against {@link SepaRules#check(DirectDebitFile)} (refusals come back as values), then
 * built, then validated against the official pain.008.001.08 schema: a file the schema rejects is a bug here and
 * throws. SEPA CORE flavour: one payment-information block, PmtMtd DD, SvcLvl SEPA, LclInstrm CORE, SeqTp RCUR
 * (the fund collects every month; since the 2016 rulebook a first collection need not be FRST), ChrgBr SLEV, EUR,
 * the creditor identifier under PrvtId/Othr with scheme SEPA.
 *
 * <p>Pure (no I/O, no clock): the same {@link DirectDebitFile} always gives the same bytes. Thread-safe.
 */
public final class Pain008Writer {
    /** Most debits in one file, as for credit transfers. */
    public static final int MAX_DEBITS_PER_FILE = Pain001Writer.MAX_TRANSFERS_PER_FILE;

    private Pain008Writer() {
    }

    /** The file as schema-valid pain.008.001.08 bytes, or the SEPA rules it breaks. */
    public static Pain008Result write(DirectDebitFile file) {
        List<IsoRefusal> refusals = SepaRules.check(file);
        if (!refusals.isEmpty()) {
            return new Pain008Result.Refused(refusals);
        }
        long controlSumCents = 0;
        for (DirectDebit d : file.debits()) {
            controlSumCents = Math.addExact(controlSumCents, d.amountCents());
        }
        int count = file.debits().size();
        CustomerDirectDebitInitiationV08 initiation = initiation(file, count, controlSumCents);
        byte[] xml = ProwideXml.document(new MxPain00800108().setCstmrDrctDbtInitn(initiation));
        IsoSchema.PAIN_008_001_08.requireValid(xml, "pain.008 file " + file.messageId());
        return new Pain008Result.Written(xml, count, controlSumCents);
    }

    private static CustomerDirectDebitInitiationV08 initiation(DirectDebitFile file, int count, long controlSumCents) {
        GroupHeader83 header = new GroupHeader83()
                .setMsgId(file.messageId())
                .setCreDtTm(file.createdAt())
                .setNbOfTxs(Integer.toString(count))
                .setCtrlSum(IsoAmounts.decimal(controlSumCents))
                .setInitgPty(new PartyIdentification135().setNm(file.creditor().name()));
        PaymentInstruction29 instruction = new PaymentInstruction29()
                .setPmtInfId(file.messageId())
                .setPmtMtd(PaymentMethod2Code.DD)
                .setNbOfTxs(Integer.toString(count))
                .setCtrlSum(IsoAmounts.decimal(controlSumCents))
                .setPmtTpInf(new PaymentTypeInformation29()
                        .addSvcLvl(new ServiceLevel8Choice().setCd("SEPA"))
                        .setLclInstrm(new LocalInstrument2Choice().setCd("CORE"))
                        .setSeqTp(SequenceType3Code.RCUR))
                .setReqdColltnDt(file.requestedCollectionDate())
                .setCdtr(new PartyIdentification135().setNm(file.creditor().name()))
                .setCdtrAcct(account(file.creditor().iban()))
                .setCdtrAgt(agent(file.creditor().bic()))
                .setChrgBr(ChargeBearerType1Code.SLEV)
                .setCdtrSchmeId(creditorScheme(file.creditorId()));
        for (DirectDebit debit : file.debits()) {
            instruction.addDrctDbtTxInf(transaction(debit));
        }
        return new CustomerDirectDebitInitiationV08().setGrpHdr(header).addPmtInf(instruction);
    }

    private static DirectDebitTransactionInformation23 transaction(DirectDebit debit) {
        DirectDebitTransactionInformation23 transaction = new DirectDebitTransactionInformation23()
                .setPmtId(new PaymentIdentification6().setEndToEndId(debit.endToEndId()))
                .setInstdAmt(new ActiveOrHistoricCurrencyAndAmount()
                        .setValue(IsoAmounts.decimal(debit.amountCents())).setCcy(IsoAmounts.EUR))
                .setDrctDbtTx(new DirectDebitTransaction10().setMndtRltdInf(new MandateRelatedInformation14()
                        .setMndtId(debit.mandateId()).setDtOfSgntr(debit.mandateSignedOn())))
                .setDbtrAgt(agent(debit.debtorBic()))
                .setDbtr(new PartyIdentification135().setNm(debit.debtorName()))
                .setDbtrAcct(account(debit.debtorIban()));
        if (debit.remittance() != null) {
            transaction.setRmtInf(new RemittanceInformation16().addUstrd(debit.remittance()));
        }
        return transaction;
    }

    /** The SEPA creditor identifier, where the EPC guidelines put it. */
    private static PartyIdentification135 creditorScheme(String creditorId) {
        return new PartyIdentification135().setId(new Party38Choice().setPrvtId(new PersonIdentification13()
                .addOthr(new GenericPersonIdentification1().setId(creditorId)
                        .setSchmeNm(new PersonIdentificationSchemeName1Choice().setPrtry("SEPA")))));
    }

    private static CashAccount38 account(String iban) {
        return new CashAccount38().setId(new AccountIdentification4Choice().setIBAN(iban));
    }

    /** The agent by BIC, or NOTPROVIDED (SEPA allows IBAN-only; the schema needs an agent). */
    private static BranchAndFinancialInstitutionIdentification6 agent(String bic) {
        FinancialInstitutionIdentification18 id = bic != null
                ? new FinancialInstitutionIdentification18().setBICFI(bic)
                : new FinancialInstitutionIdentification18()
                        .setOthr(new GenericFinancialIdentification1().setId(Pain001Writer.NOT_PROVIDED));
        return new BranchAndFinancialInstitutionIdentification6().setFinInstnId(id);
    }
}
