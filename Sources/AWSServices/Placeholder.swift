// Placeholder until the first real file of AWSServices lands.
import Foundation
