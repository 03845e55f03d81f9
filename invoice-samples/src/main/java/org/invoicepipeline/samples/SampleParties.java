package org.invoicepipeline.samples;

import java.util.List;

/** The made-up companies and items sample invoices are drawn from. */
final class SampleParties {

    static final List<String> VENDORS = List.of(
            "Acme Office Supplies Ltd", "Brightline Consulting LLP", "Northgate Search Services",
            "Harbour & Finch Logistics", "Kestrel Software GmbH", "Bluewater Catering Co.",
            "Meridian Print Works", "Oakridge Facilities Management", "Lumen Electrical Ltd",
            "Pioneer Cloud Hosting Inc.", "Silverbirch Legal Services", "Crescent Marketing Agency");

    static final List<String> BUYERS = List.of(
            "Northwind Traders plc", "Contoso Manufacturing Ltd", "Fabrikam Retail Group",
            "Wingtip Toys Limited", "Adventure Works Cycles", "Tailspin Aviation Ltd",
            "Proseware Publishing", "Litware Health Clinics", "Margie's Travel Agency",
            "Woodgrove Community Bank");

    static final List<String> ITEMS = List.of(
            "Consulting services", "A4 copier paper, 5 reams", "Ergonomic office chair", "Laptop docking station",
            "Website maintenance (monthly)", "Cloud hosting plan", "Printer toner cartridge", "On-site support visit",
            "Project management", "Catering for board meeting", "Courier delivery, next day", "LED panel light",
            "Software licence (annual)", "Data migration service", "Conference room hire", "Legal advice",
            "Brochure design", "Business cards, box of 250", "Network switch, 24-port", "Cleaning services",
            "Security audit", "Training workshop", "Standing desk frame", "USB-C charging cable");

    private static final List<List<String>> ADDRESSES = List.of(
            List.of("12 Harbour Road", "Bristol BS1 4AA, United Kingdom"),
            List.of("Unit 4, Riverside Park", "Leeds LS11 5QR, United Kingdom"),
            List.of("88 Station Street", "Manchester M1 2AB, United Kingdom"),
            List.of("Friedrichstrasse 120", "10117 Berlin, Germany"),
            List.of("221 Market Avenue, Suite 400", "Austin, TX 78701, USA"),
            List.of("3 Rue des Lilas", "69003 Lyon, France"),
            List.of("17 Kingfisher Way", "Cambridge CB4 1ZZ, United Kingdom"));

    private SampleParties() {
    }

    /** A stable address for a company name. */
    static List<String> addressOf(String company) {
        return ADDRESSES.get(Math.floorMod(company.hashCode(), ADDRESSES.size()));
    }
}
