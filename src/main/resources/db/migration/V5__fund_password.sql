-- The second factor a person gives to release escrow: a fund password, separate from the sign-in password.
alter table users add column fund_password_hash varchar(100);
