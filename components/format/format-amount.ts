const amountFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 8 });

/** An amount with thousands separators and up to the ledger's 8 places. */
export const formatAmount = (value: number) => amountFormat.format(value);
