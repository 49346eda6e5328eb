/** Names and mail domains of generated users: enough of each that a name search is selective. */
import { words } from './word-list';

export const FIRST_NAMES = words(`
  Ada, Alan, Alice, Amara, Anders, Aoife, Arjun, Astrid, Beatriz, Bjorn, Bruno, Camille, Carlos, Chen,
  Chloe, Dario, Deepa, Diego, Elena, Elif, Emeka, Emil, Farah, Felix, Fatima, Freya, Gabriel, Grace,
  Hana, Hugo, Ines, Ingrid, Isaac, Jamal, Jana, Javier, Johan, Julia, Kai, Kenji, Keira, Lars, Leila,
  Leon, Lina, Luca, Maya, Mateo, Mei, Mila, Nadia, Nikos, Noah, Nora, Olu, Omar, Oskar, Paula, Pedro,
  Priya, Quentin, Rafael, Rania, Rosa, Sami, Sara, Sven, Tariq, Tess, Theo, Uma, Valentina, Victor,
  Wei, Yara, Yusuf, Zara, Zoe
`);

export const LAST_NAMES = words(`
  Abbott, Adeyemi, Alvarez, Andersen, Bauer, Becker, Bianchi, Brennan, Castillo, Chowdhury, Costa,
  Dubois, Dunn, Eriksson, Esposito, Fischer, Fonseca, Garcia, Gonzalez, Gupta, Haddad, Hansen,
  Hartmann, Horvath, Ibrahim, Ivanova, Jansen, Jensen, Kaur, Kim, Kowalski, Kuznetsov, Larsen,
  Laurent, Lindqvist, Lopez, Maier, Martin, Mensah, Moreau, Murphy, Nakamura, Nguyen, Nielsen, Novak,
  Okafor, Olsen, Ortega, Papadopoulos, Patel, Petrov, Popescu, Quinn, Rahman, Reyes, Ricci, Rossi,
  Santos, Sato, Schmidt, Schneider, Silva, Singh, Sorensen, Suzuki, Tanaka, Tran, Van Dijk, Varga,
  Wagner, Walsh, Weber, Williams, Wojcik, Yamamoto, Yilmaz, Zhang, Zimmermann, Ferreira, Novotny,
  Lehmann, Kovac, Moretti, Berg, Holm
`);

export const MAIL_DOMAINS = words(`
  example.com, example.org, example.net, mail.example, post.example, inbox.example
`);
