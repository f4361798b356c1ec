// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

/// @title ERC-20-style read facade of one purpose (FOOD, HEALTH, ...).
/// @notice Purpose n lives at 0x00000000000000000000000000000000200000nn (the last 4 bytes are n, big-endian).
/// Read-only: units move only through ITargetedMoney.pay and redeem, which also emit Transfer here
/// (member -> provider for a payment, provider -> 0x0 for a redemption). Lazy issuance emits no per-member
/// Transfer: a member's balance includes credit not yet touched.
interface IPurposeToken {
    event Transfer(address indexed from, address indexed to, uint256 value);

    function name() external view returns (string memory);
    function symbol() external view returns (string memory);
    function decimals() external view returns (uint8);
    /// Units in circulation: issued - redeemed - expired.
    function totalSupply() external view returns (uint256);
    function balanceOf(address account) external view returns (uint256);
}
