package org.targetedmoney.bridge.contribution;

import java.util.Objects;

/** What a fund period did with a firm's declaration or correction. */
public sealed interface DeclarationOutcome {

    /** A first declaration for the firm and period, now in force. */
    record Accepted(FirmDeclaration declaration) implements DeclarationOutcome {
        public Accepted {
            Objects.requireNonNull(declaration, "declaration");
        }
    }

    /** A correction: {@code declaration} replaces {@code replaced}, whose id stays known (its replays change nothing). */
    record Corrected(FirmDeclaration replaced, FirmDeclaration declaration) implements DeclarationOutcome {
        public Corrected {
            Objects.requireNonNull(replaced, "replaced");
            Objects.requireNonNull(declaration, "declaration");
        }
    }

    /** The very same declaration (id and content) was already accepted: nothing changed. */
    record Replayed(FirmDeclaration declaration) implements DeclarationOutcome {
        public Replayed {
            Objects.requireNonNull(declaration, "declaration");
        }
    }

    /** Refused; nothing changed. */
    record Rejected(ContributionRejection rejection) implements DeclarationOutcome {
        public Rejected {
            Objects.requireNonNull(rejection, "rejection");
        }
    }
}
