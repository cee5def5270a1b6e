-- The catalogue: the codes clients use for the trading core's numeric asset and market ids, and the texts of ads
-- (the core keeps only what it needs to match). Written by the gateways when the core accepts the command.

create table assets (
    id      integer     primary key,
    code    varchar(12) not null,
    scale   integer     not null,
    fiat    boolean     not null,
    constraint assets_code_unique unique (code)
);

create table markets (
    id              integer     primary key,
    symbol          varchar(25) not null,
    asset_id        integer     not null references assets (id),
    fiat_id         integer     not null references assets (id),
    price_scale     integer     not null,
    price_tick      bigint      not null,
    min_order_fiat  bigint      not null,
    maker_fee_bps   integer     not null,
    taker_fee_bps   integer     not null,
    payment_methods bigint      not null,
    constraint markets_symbol_unique unique (symbol)
);

create table ad_texts (
    ad_id      bigint        primary key,
    terms      varchar(1000) not null,
    auto_reply varchar(1000) not null
);
