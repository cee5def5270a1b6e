-- Where a user is paid: one account per payment method (an IBAN and holder for SEPA, a tag for WISE...). The buyer
-- of an open order reads the seller's account for the order's method; nobody else does (arbiters once disputed).
create table payment_accounts (
    user_id    bigint                      not null,
    method     varchar(16)                 not null,
    holder     varchar(100)                not null,
    details    varchar(300)                not null,
    updated_at timestamp(6) with time zone not null,
    primary key (user_id, method)
);
