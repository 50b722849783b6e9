// @peculiar/x509 reads decorator metadata; it must be loaded before any PKI module.
import 'reflect-metadata';
