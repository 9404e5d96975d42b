//! Registration (登记): information cards, certificates and registration events.
