// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

/// @title The targeted-money ledger's system contract.
/// @notice Lives at 0x0000000000000000000000000000000000001000. The node runs these functions natively
/// (no EVM); this interface is the binding for web3j, ethers and hardhat users.
/// Amounts are euro cents (uint256 on the wire, at most 2^63-1). Epochs are months since 1970-01 (UTC)
/// unless the genesis says otherwise. A rejected call is still mined, with status 0 and a revert reason
/// Error(string) whose text starts with a stable code (see REJECTION_CODES.md).
/// Role bits: 0 AUTHORITY, 1 REGISTRAR, 2 COMMITTEE, 3 PROVIDER, 4 AUDITOR, 5 VALIDATOR, 6 BRIDGE.
interface ITargetedMoney {
    event RoleGranted(address indexed account, uint8 role, string scopeTerritory);
    event RoleRevoked(address indexed account, uint8 role);
    event PurposeAdded(uint32 indexed purpose, string symbol, string name);
    event TerritoryAdded(string code);
    event MemberEnrolled(address indexed member, string territory, uint8 householdSize, uint32 firstEpoch);
    event ProviderConventioned(address indexed provider, uint32 indexed purpose, string territory,
        uint32 validFromEpoch, uint32 validUntilEpoch);
    event ConventionSuspended(address indexed provider, uint32 indexed purpose);
    event ConventionResumed(address indexed provider, uint32 indexed purpose);
    event PolicyChanged(uint32 indexed purpose, uint32 version, uint32 effectiveFromEpoch,
        uint256[] amountCentsByHouseholdSize, uint32 expiryEpochs);
    event EpochOpened(uint32 indexed epoch, uint64 memberCount);
    event Issued(uint32 indexed epoch, uint32 indexed purpose, uint256 amountCents, uint64 memberCount);
    event Expired(uint32 indexed epoch, uint32 indexed purpose, uint256 amountCents);
    /// category: the product category paid for, 0 when the payment names none.
    event Payment(address indexed member, address indexed provider, uint32 indexed purpose,
        uint256 amountCents, bytes32 paymentRef, uint32 category);
    event CategoryAdded(uint32 indexed purpose, uint32 category, string code, string name);
    event ConventionCategoriesSet(address indexed provider, uint32 indexed purpose, uint32[] categories);
    event Redeemed(address indexed provider, uint32 indexed purpose, uint256 amountCents, uint64 redemptionId);
    event TariffSet(uint32 indexed purpose, string actCode, uint256 maxAmountCents);
    event ClaimPaid(address indexed provider, address indexed member, uint32 indexed purpose, string actCode,
        uint256 amountCents, uint64 claimId, bytes32 claimRef);
    event TerritoryBudgetSet(string territory, uint32 indexed purpose, uint256 amountCentsPerEpoch);
    event NeedsRecorded(string territory, uint32 indexed purpose, uint32 indexed epoch, uint256 amountCents,
        string note);
    /// Opening an epoch found a territory's members entitled to more than its budget (enrolments grew); rights
    /// are automatic, so the credit is issued and the planning report shows the gap.
    event BudgetOverrun(string territory, uint32 indexed purpose, uint32 indexed epoch, uint256 entitledCents,
        uint256 budgetCents);
    event CapitationSet(uint32 indexed purpose, uint256 amountCentsPerPatient);
    event PractitionerChosen(address indexed member, address indexed provider, uint32 indexed purpose,
        address previousProvider);
    event CapitationPaid(address indexed provider, uint32 indexed purpose, uint32 indexed epoch, uint64 patients,
        uint256 amountCents, uint64 claimId);
    event ModulationSet(string territory, uint32 indexed purpose, uint32 basisPoints, uint32 effectiveFromEpoch);
    event BodyCreated(uint32 indexed body, address indexed account, string name, string territory, uint8 kind,
        uint32 quorum, uint32 memberCount);
    event BodyMembersChanged(uint32 indexed body, uint32 quorum, uint32 memberCount);
    event ProposalCreated(uint64 indexed proposal, uint32 indexed body, address indexed proposer,
        uint32 effectiveFromEpoch, uint64 delaySeconds, uint32 lastVotingEpoch);
    event Voted(uint64 indexed proposal, address indexed voter, bool approve);
    /// status: 0 open, 1 approved, 2 executed, 3 rejected, 4 failed (reason says why); 5 expired is never emitted.
    event ProposalStatusChanged(uint64 indexed proposal, uint8 status, string reason);
    event ConventionRevoked(address indexed provider, uint32 indexed purpose);
    event CriterionAdded(uint8 indexed criterion, string code, string name);
    /// criteria: bit i set when the provider meets criterion i.
    event ProviderDescribed(address indexed provider, string name, string specialty, uint32 criteria);
    /// The settlement bridge attested a euro settlement batch: totals per funding source (contributions, public
    /// accounts, debt-free monetary creation), the lines' count and the blocks they were read from.
    event SettlementAttested(bytes32 indexed batchHash, address indexed bridge, string batchId, string window,
        uint256 totalCents, uint256 contributionsCents, uint256 publicAccountsCents, uint256 monetaryCreationCents,
        uint64 lineCount, uint64 firstBlock, uint64 lastBlock);

    // --- authority ---
    function grantRole(address account, uint8 role, string calldata scopeTerritory) external;
    function revokeRole(address account, uint8 role) external;
    function addPurpose(string calldata symbol, string calldata name) external;
    function addTerritory(string calldata code) external;
    function setAllowancePolicy(uint32 purpose, uint256[] calldata amountCentsByHouseholdSize,
        uint32 expiryEpochs, uint32 effectiveFromEpoch) external;
    function openEpoch(uint32 epoch) external;
    /// Entitlement (health at 100 %): the most the fund pays for an act; claims above it are refused.
    function setTariff(uint32 purpose, string calldata actCode, uint256 maxAmountCents) external;

    // --- registrar: no personal data on the ledger, only an address, a territory and a household size ---
    function enrolMember(address member, string calldata territory, uint8 householdSize) external;
    /// Automatic rights: enrols a registrar's list (1..500 addresses) of one territory and household size;
    /// addresses already enrolled are skipped, so a list can be sent again safely.
    function enrolMembers(address[] calldata members, string calldata territory, uint8 householdSize) external;

    // --- authority, or a committee within its territory ---
    function conventionProvider(address provider, uint32[] calldata purposes, string calldata territory,
        uint32 validFromEpoch, uint32 validUntilEpoch) external;
    function suspendConvention(address provider, uint32 purpose) external;
    function resumeConvention(address provider, uint32 purpose) external;
    /// Ends a convention for good: it is no longer paid and cannot be resumed; conventionProvider decides it anew.
    function revokeConvention(address provider, uint32 purpose) external;

    // --- member and provider ---
    function pay(address provider, uint32 purpose, uint256 amountCents, bytes32 paymentRef) external;
    /// A payment for a product category; needed with a provider whose convention covers only some categories.
    function payInCategory(address provider, uint32 purpose, uint32 category, uint256 amountCents,
        bytes32 paymentRef) external;
    function redeem(uint32 purpose, uint256 amountCents) external;
    /// A conventioned provider is paid directly by the fund for an act done for an enrolled member
    /// (no upfront payment, no fee above the tariff). claimRef is the provider's unique reference.
    function fileClaim(address member, uint32 purpose, string calldata actCode, uint256 amountCents,
        bytes32 claimRef) external;

    // --- product categories (food social security: products are eligible, not only shops) ---
    /// The authority declares a category of a purpose (code like LOCAL or ORGANIC); ids are 1, 2, ...
    function addCategory(uint32 purpose, string calldata code, string calldata name) external;
    /// The categories a convention covers (empty: all); by whoever may decide in the convention's territory.
    function restrictConvention(address provider, uint32 purpose, uint32[] calldata categories) external;

    // --- capitation (health at 100 %, instead of paying act by act) ---
    /// The authority sets the amount paid per registered patient per epoch (0 stops capitation).
    function setCapitation(uint32 purpose, uint256 amountCentsPerPatient) external;
    /// A member chooses the provider paid by capitation for a purpose (its "médecin traitant").
    function choosePractitioner(address provider, uint32 purpose) external;
    /// A provider claims the current epoch's capitation (patients x rate), once.
    function claimCapitation(uint32 purpose, uint32 epoch) external;

    // --- planning: budgets per territory (policies cannot exceed them) and needs assessed by committees ---
    /// The authority caps what a purpose may issue per epoch to a territory's members (sub-territories included).
    function setTerritoryBudget(string calldata territory, uint32 purpose, uint256 amountCentsPerEpoch) external;
    /// A committee (within its territory) or the authority records assessed needs for an epoch.
    function recordNeeds(string calldata territory, uint32 purpose, uint32 epoch, uint256 amountCents,
        string calldata note) external;

    /// Modulates a purpose's allowance for a territory and its sub-territories from an epoch on, in basis points
    /// (10000 = unchanged, 11500 = +15 %); the nearest modulated territory decides.
    function setModulation(string calldata territory, uint32 purpose, uint32 basisPoints,
        uint32 effectiveFromEpoch) external;

    // --- provider directory: social and ecological criteria, attested by those who convention ---
    /// The authority declares a criterion (code like ORGANIC_SUPPLY or LOCAL_SUPPLY); ids are 0..31.
    function addCriterion(string calldata code, string calldata name) external;
    /// The authority, or a committee competent for the territory of one of the provider's conventions, describes
    /// a conventioned provider: its name (1..64), specialty (0..64, e.g. "grocer") and criteria (bit i = id i).
    function describeProvider(address provider, string calldata name, string calldata specialty,
        uint32 criteriaMask) external;

    // --- governance: bodies decide by proposals and votes; a body acts through its own account ---
    /// kind: 0 national (acts as the authority), 1 local committee (acts within its territory).
    function createBody(string calldata name, string calldata territory, uint8 kind, address[] calldata members,
        uint32 quorum) external;
    /// By the body itself (through one of its proposals) or by the authority.
    function setBodyMembers(uint32 body, address[] calldata members, uint32 quorum) external;
    /// action: the call data of a ledger function the body performs once approved (the proposer's vote counts);
    /// it runs after delaySeconds from approval, not before effectiveFromEpoch; votes are taken for votingEpochs.
    function propose(uint32 body, bytes calldata action, uint32 effectiveFromEpoch, uint64 delaySeconds,
        uint32 votingEpochs) external;
    function vote(uint64 proposal, bool approve) external;
    /// Runs an approved proposal whose time has come; anyone may send it.
    function executeProposal(uint64 proposal) external;

    // --- settlement bridge (role BRIDGE): euro settlement posted back on the ledger, for auditors ---
    /// Attests a settlement batch once per batchHash (ALREADY_ATTESTED after: a resend is harmless).
    /// contributionsCents + publicAccountsCents + monetaryCreationCents must equal totalCents (1..10^12);
    /// batchId is 1..35 and window 1..16 printable ASCII characters; lineCount >= 1;
    /// firstBlock <= lastBlock < the block the attestation is in. uint64 values are at most 2^63-1.
    function attestSettlement(bytes32 batchHash, string calldata batchId, string calldata window,
        uint256 totalCents, uint256 contributionsCents, uint256 publicAccountsCents, uint256 monetaryCreationCents,
        uint64 lineCount, uint64 firstBlock, uint64 lastBlock) external;

    // --- views (eth_call) ---
    function currentEpoch() external view returns (uint32 timeEpoch, uint32 lastOpenedEpoch);
    function purposeCount() external view returns (uint32);
    function purposeInfo(uint32 purpose) external view returns (string memory symbol, string memory name, address token);
    function rolesOf(address account) external view returns (uint8 roleMask, string memory scopeTerritory);
    function memberOf(address member) external view
        returns (bool enrolled, string memory territory, uint8 householdSize, uint32 firstEpoch);
    function conventionOf(address provider, uint32 purpose) external view
        returns (bool exists, string memory territory, uint32 validFromEpoch, uint32 validUntilEpoch, bool suspended);
    function balanceOf(address account, uint32 purpose) external view returns (uint256);
    function bucketsOf(address member, uint32 purpose) external view
        returns (uint32[] memory epochs, uint256[] memory amountsCents, uint32[] memory expiresAtEpoch);
    function purposeTotals(uint32 purpose) external view
        returns (uint256 issued, uint256 spent, uint256 redeemed, uint256 expired,
                 uint256 providerBalances, uint256 memberBalances);
    function epochCounters(uint32 epoch, uint32 purpose) external view
        returns (uint256 issued, uint256 spent, uint256 expired);
    function policyOf(uint32 purpose, uint32 epoch) external view
        returns (uint32 version, uint256[] memory amountCentsByHouseholdSize, uint32 expiryEpochs, uint32 effectiveFromEpoch);
    function tariffOf(uint32 purpose, string calldata actCode) external view returns (bool exists, uint256 maxAmountCents);
    function claimsPaid(uint32 purpose) external view returns (uint256 paidCents, uint64 count);
    function categoryCount(uint32 purpose) external view returns (uint32);
    function categoryInfo(uint32 purpose, uint32 category) external view
        returns (bool exists, string memory code, string memory name);
    function conventionCategories(address provider, uint32 purpose) external view returns (uint32[] memory);
    function territoryBudget(string calldata territory, uint32 purpose) external view
        returns (bool exists, uint256 amountCentsPerEpoch);
    function needsOf(string calldata territory, uint32 purpose, uint32 epoch) external view
        returns (bool exists, uint256 amountCents, string memory note, address recordedBy);
    /// Spending of the members of exactly this territory (JSON-RPC ledger_planning sums sub-territories).
    function territorySpending(uint32 epoch, uint32 purpose, string calldata territory) external view
        returns (uint256 spentCents, uint256 claimsCents);
    function capitationOf(address provider, uint32 purpose) external view
        returns (uint64 patients, uint256 amountCentsPerPatient);
    function practitionerOf(address member, uint32 purpose) external view returns (address provider);
    /// The basis points applied to the allowance of a member of this territory at this epoch.
    function modulationOf(string calldata territory, uint32 purpose, uint32 epoch) external view returns (uint32);
    function conventionRevoked(address provider, uint32 purpose) external view returns (bool);
    function criterionCount() external view returns (uint8);
    function criterionInfo(uint8 criterion) external view
        returns (bool exists, string memory code, string memory name);
    function providerProfile(address provider) external view
        returns (bool exists, string memory name, string memory specialty, uint32 criteria);
    function bodyOf(uint32 body) external view returns (string memory name, string memory territory, uint8 kind,
        address account, uint32 quorum, address[] memory members);
    function proposalOf(uint64 proposal) external view returns (uint32 body, address proposer, bytes memory action,
        uint8 status, uint32 effectiveFromEpoch, uint64 executableAt, uint32 lastVotingEpoch, uint32 approvals,
        uint32 rejections, string memory outcome);
    /// The batch attested under batchHash; exists is false (and the rest zero) when there is none.
    function attestationOf(bytes32 batchHash) external view returns (bool exists, string memory batchId,
        string memory window, uint256 totalCents, uint256 contributionsCents, uint256 publicAccountsCents,
        uint256 monetaryCreationCents, uint64 lineCount, uint64 firstBlock, uint64 lastBlock, address bridge);
    /// Running totals of every attested batch per funding source (attestedCents is their sum), and their number.
    function settlementTotals() external view returns (uint256 attestedCents, uint256 contributionsCents,
        uint256 publicAccountsCents, uint256 monetaryCreationCents, uint64 batches);
}
